package io.atoll.dataaccess;

import io.micronaut.context.ApplicationContextBuilder;
import io.micronaut.runtime.Micronaut;

/**
 * The data-access service: the drift audit of the cells' core databases and the teams' console.
 *
 * <p>This module's classes are also a library (the atoll CLI compiles and applies the scopes with them), so the
 * service's configuration and logging are kept away from the names every application looks for
 * ({@code application.yml}, {@code logback.xml}), where they would become the library user's.
 */
public final class DataAccessApplication {
    /** Where the service's {@code application.yml} is. */
    public static final String CONFIGURATION = "classpath:io/atoll/dataaccess/service/";
    private static final String LOGGING = "io/atoll/dataaccess/service/logback.xml";

    private DataAccessApplication() {
    }

    public static void main(String[] args) {
        if (System.getProperty("logback.configurationFile") == null) {
            System.setProperty("logback.configurationFile", LOGGING);
        }
        // No banner: every line on stdout is a JSON log record.
        configure(Micronaut.build(args)).mainClass(DataAccessApplication.class).banner(false).start();
    }

    /** The service's configuration on a context being built, for the service itself and for its tests. */
    public static <B extends ApplicationContextBuilder> B configure(B builder) {
        builder.overrideConfigLocations(CONFIGURATION);
        return builder;
    }
}
