package io.atoll.testing;

import com.tngtech.archunit.lang.ArchRule;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

/**
 * The inner shape every service keeps (DESIGN.md), as rules each service's {@code LayeringTest} holds for its own
 * root package: {@code domain} is logic that knows neither the web, its storage nor its configuration, and
 * {@code domain}, {@code store} and {@code config} depend on one another in one direction only.
 */
public final class ServiceLayering {
    private ServiceLayering() {
    }

    public static ArchRule domainKnowsNoOuterPackageNorWebType(String service) {
        return noClasses().that().resideInAPackage(service + ".domain..")
                .should().dependOnClassesThat().resideInAnyPackage(
                        service + ".api..", service + ".store..", service + ".config..", "io.micronaut.http..", "io.netty..");
    }

    public static ArchRule domainStoreAndConfigAreFreeOfCycles(String service) {
        return slices().matching(service + ".(domain|store|config)..").should().beFreeOfCycles();
    }
}
