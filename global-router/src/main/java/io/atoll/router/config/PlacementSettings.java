package io.atoll.router.config;

import io.micronaut.context.annotation.ConfigurationProperties;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;

import java.time.Duration;

/**
 * The placement directory: its in-memory cache and how long requests wait for its database.
 *
 * @param cacheSize how many accounts' placements are kept in memory
 * @param unknownAccountTtl how long "not placed" answers are remembered, so that unknown accounts cost the
 *                          database one query per interval, not one per request
 * @param lookupTimeout how long a request waits for the database before it is routed as if the account were
 *                      unknown
 * @param holdTimeout how long a sign-up waits for the database to hold its address before it is answered 503: a
 *                    sign-up is never sent to a cell without a hold, or two cells could create one account
 */
@ConfigurationProperties("atoll.router.placement")
public record PlacementSettings(@Min(1) long cacheSize, @NotNull Duration unknownAccountTtl, @NotNull Duration lookupTimeout,
                                @NotNull Duration holdTimeout) {
}
