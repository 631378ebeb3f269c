package io.atoll.router.config;

import io.micronaut.context.annotation.ConfigurationProperties;
import io.micronaut.core.annotation.Nullable;
import jakarta.validation.constraints.NotNull;

import java.net.URI;
import java.util.List;

/**
 * The router's remaining settings.
 *
 * @param regionLatencies expected round-trip times between regions, as {@code REGION_A/REGION_B=MILLIS}
 * @param operatorJwksUrls the JWKS documents whose keys sign operator tokens (the cells' auth services)
 * @param developmentOperatorToken a fixed operator token, accepted only in the {@code dev} environment
 */
@ConfigurationProperties("atoll.router")
public record RouterSettings(@NotNull List<String> regionLatencies,
                             @NotNull List<URI> operatorJwksUrls,
                             @Nullable String developmentOperatorToken) {
}
