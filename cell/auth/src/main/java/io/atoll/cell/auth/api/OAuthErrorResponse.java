package io.atoll.cell.auth.api;

import io.micronaut.serde.annotation.Serdeable;
import io.micronaut.serde.config.naming.SnakeCaseStrategy;

/** An error of the OAuth endpoints, in RFC 6749 section 5.2's shape rather than problem+json. */
@Serdeable(naming = SnakeCaseStrategy.class)
public record OAuthErrorResponse(String error, String errorDescription) {
}
