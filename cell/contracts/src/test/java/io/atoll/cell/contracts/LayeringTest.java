package io.atoll.cell.contracts;

import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;

import static com.tngtech.archunit.base.DescribedPredicate.not;
import static com.tngtech.archunit.core.domain.JavaClass.Predicates.resideInAPackage;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

/**
 * Contracts are what the services share, so they depend on none of them (auth, app, storage, workers, jobs, the
 * router) nor on any other Atoll module: every module may depend on contracts, never the other way round.
 */
@AnalyzeClasses(packages = "io.atoll.cell.contracts", importOptions = ImportOption.DoNotIncludeTests.class)
class LayeringTest {
    @ArchTest
    static final ArchRule contractsDependOnNoOtherModule = noClasses()
            .that().resideInAPackage("io.atoll.cell.contracts..")
            .should().dependOnClassesThat(resideInAPackage("io.atoll..").and(not(resideInAPackage("io.atoll.cell.contracts.."))));
}
