package io.atoll.cell.auth.config;

/** The Micronaut environment the admin commands run in: the service's configuration, none of its background work. */
public final class AdminEnvironment {
    public static final String NAME = "admin";

    private AdminEnvironment() {
    }
}
