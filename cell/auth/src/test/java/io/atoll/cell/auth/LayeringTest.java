package io.atoll.cell.auth;

import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;
import io.atoll.testing.ServiceLayering;

/** The service keeps the inner shape of every service ({@link ServiceLayering}). */
@AnalyzeClasses(packages = "io.atoll.cell.auth", importOptions = ImportOption.DoNotIncludeTests.class)
class LayeringTest {
    @ArchTest
    static final ArchRule domainKnowsNoOuterPackageNorWebType = ServiceLayering.domainKnowsNoOuterPackageNorWebType("io.atoll.cell.auth");

    @ArchTest
    static final ArchRule domainStoreAndConfigAreFreeOfCycles = ServiceLayering.domainStoreAndConfigAreFreeOfCycles("io.atoll.cell.auth");
}
