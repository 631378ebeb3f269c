package io.atoll.cell.app.storage;

import java.time.Duration;

import static java.util.Objects.requireNonNull;

/** Where the app gets service tokens for storage. */
interface TokenEndpoint {
    /** A new token; throws {@link StorageUnavailableException} when none can be had now. */
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
