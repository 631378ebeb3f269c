package io.atoll.cell.auth.api;

import io.micronaut.serde.annotation.Serdeable;
import io.micronaut.serde.config.naming.SnakeCaseStrategy;
import io.swagger.v3.oas.annotations.media.Schema;

/** An error of the OAuth endpoints, in RFC 6749 section 5.2's shape rather than problem+json. */
// The API description's generator does not follow serde's naming strategy: the snake_case names are spelled for it.
@Serdeable(naming = SnakeCaseStrategy.class)
public record OAuthErrorResponse(
        String error,
        @Schema(name = "error_description") String errorDescription) {
}
