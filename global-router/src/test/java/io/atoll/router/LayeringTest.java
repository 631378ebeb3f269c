package io.atoll.router;

import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;
import io.atoll.testing.ServiceLayering;

/** The service keeps the inner shape of every service ({@link ServiceLayering}). */
@AnalyzeClasses(packages = "io.atoll.router", importOptions = ImportOption.DoNotIncludeTests.class)
class LayeringTest {
    @ArchTest
    static final ArchRule domainKnowsNoOuterPackageNorWebType = ServiceLayering.domainKnowsNoOuterPackageNorWebType("io.atoll.router");

    @ArchTest
    static final ArchRule domainStoreAndConfigAreFreeOfCycles = ServiceLayering.domainStoreAndConfigAreFreeOfCycles("io.atoll.router");
}
