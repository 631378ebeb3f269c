package io.atoll.cell.storage.api;

/** The scopes of the service tokens storage accepts, as micronaut-security sees them (roles). */
public final class Scopes {
    /** Reading items, members, orders and uploads. */
    public static final String READ = "storage:read";
    /** Placing orders, moving them on, changing members, storing uploads. */
    public static final String WRITE = "storage:write";

    private Scopes() {
    }
}
