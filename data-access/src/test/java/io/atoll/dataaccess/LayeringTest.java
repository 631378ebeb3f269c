package io.atoll.dataaccess;

import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;
import io.atoll.testing.ServiceLayering;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

/** The module keeps the inner shape of every service ({@link ServiceLayering}); its compilers know no database either. */
@AnalyzeClasses(packages = "io.atoll.dataaccess", importOptions = ImportOption.DoNotIncludeTests.class)
class LayeringTest {
    @ArchTest
    static final ArchRule domainKnowsNoOuterPackageNorWebType = ServiceLayering.domainKnowsNoOuterPackageNorWebType("io.atoll.dataaccess");

    @ArchTest
    static final ArchRule domainStoreAndConfigAreFreeOfCycles = ServiceLayering.domainStoreAndConfigAreFreeOfCycles("io.atoll.dataaccess");

    @ArchTest
    static final ArchRule domainTouchesNoDatabase = noClasses().that().resideInAPackage("io.atoll.dataaccess.domain..")
            .should().dependOnClassesThat().resideInAnyPackage("java.sql..", "javax.sql..", "org.flywaydb..", "org.postgresql..");
}
