package io.atoll.cell.contracts.servicetoken;

import java.time.Duration;

import static java.util.Objects.requireNonNull;

/** Where a service gets its service tokens for the cell's other services. */
public interface TokenEndpoint {
    /** A new token; throws {@link TokenUnavailableException} when none can be had now. */
    IssuedToken issue();

    /**
     * An access token and how long it was issued for.
     *
     * @param expiresIn counted from when it was issued
     */
    record IssuedToken(String value, Duration expiresIn) {
        public IssuedToken {
            requireNonNull(value, "value is null");
            requireNonNull(expiresIn, "expiresIn is null");
        }
    }
}
