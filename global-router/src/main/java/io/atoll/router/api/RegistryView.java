package io.atoll.router.api;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.serde.annotation.Serdeable;

import java.time.Instant;

/**
 * The registry in force.
 *
 * @param file the registry file
 * @param loadedAt when the registry in force was read from it
 * @param rejectedReason why the file's newest content was not used, while it is not
 * @param rejectedAt when that content was rejected
 */
@Serdeable
public record RegistryView(String file, Instant loadedAt, @Nullable String rejectedReason, @Nullable Instant rejectedAt) {
}
