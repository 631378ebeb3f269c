package io.atoll.cell.storage;

import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

/**
 * The service's inner shape (DESIGN.md): {@code domain} is logic that knows neither the web, its storage nor its
 * configuration; {@code domain}, {@code store} and {@code config} depend on one another in one direction only.
 */
@AnalyzeClasses(packages = "io.atoll.cell.storage", importOptions = ImportOption.DoNotIncludeTests.class)
class LayeringTest {
    @ArchTest
    static final ArchRule domainDependsOnNoOuterPackageNorWebType = noClasses()
            .that().resideInAPackage("io.atoll.cell.storage.domain..")
            .should().dependOnClassesThat().resideInAnyPackage(
                    "io.atoll.cell.storage.api..", "io.atoll.cell.storage.store..", "io.atoll.cell.storage.config..", "io.micronaut.http..", "io.netty..");

    @ArchTest
    static final ArchRule domainStoreAndConfigAreFreeOfCycles = slices()
            .matching("io.atoll.cell.storage.(domain|store|config)..")
            .should().beFreeOfCycles();
}
