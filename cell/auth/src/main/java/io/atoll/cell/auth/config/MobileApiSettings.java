package io.atoll.cell.auth.config;

import io.micronaut.context.annotation.ConfigurationProperties;
import jakarta.validation.constraints.NotNull;

import java.net.URI;

/**
 * Where the mobile API document's parts come from.
 *
 * @param appDocumentUrl the app's generated OpenAPI document, on the app's management port
 */
@ConfigurationProperties("atoll.auth.mobile-api")
public record MobileApiSettings(@NotNull URI appDocumentUrl) {
}
