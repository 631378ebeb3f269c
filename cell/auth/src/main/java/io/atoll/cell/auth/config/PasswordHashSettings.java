package io.atoll.cell.auth.config;

import io.micronaut.context.annotation.ConfigurationProperties;
import io.micronaut.core.bind.annotation.Bindable;
import jakarta.validation.constraints.Min;

/**
 * Argon2id cost of new password and client-secret hashes (stored hashes keep the cost they were made with).
 * The defaults are OWASP's minimum for Argon2id: 19 MiB, 2 passes, 1 lane.
 *
 * @param memoryKib memory per hash, in KiB
 * @param iterations passes over the memory
 * @param parallelism lanes
 */
@ConfigurationProperties("atoll.auth.password-hash")
public record PasswordHashSettings(
        @Bindable(defaultValue = "19456") @Min(1024) int memoryKib,
        @Bindable(defaultValue = "2") @Min(1) int iterations,
        @Bindable(defaultValue = "1") @Min(1) int parallelism) {
}
