package io.atoll.edge;

import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;

import static com.tngtech.archunit.core.domain.JavaClass.Predicates.resideInAnyPackage;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

/**
 * The edge moves bytes for two policies, the router's and the cell ingress's; it knows neither. Of the rest of
 * Atoll it uses only contracts (problem details, the trace context).
 */
@AnalyzeClasses(packages = "io.atoll.edge", importOptions = ImportOption.DoNotIncludeTests.class)
class LayeringTest {
    @ArchTest
    static final ArchRule edgeKnowsNoService = noClasses()
            .that().resideInAPackage("io.atoll.edge..")
            .should().dependOnClassesThat(resideInAnyPackage("io.atoll.router..", "io.atoll.cell.auth..", "io.atoll.cell.app..",
                    "io.atoll.cell.storage..", "io.atoll.cell.workers..", "io.atoll.devstack.."));
}
