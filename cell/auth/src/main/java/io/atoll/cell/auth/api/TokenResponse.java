package io.atoll.cell.auth.api;

import com.fasterxml.jackson.annotation.JsonInclude;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.serde.annotation.Serdeable;
import io.micronaut.serde.config.naming.SnakeCaseStrategy;
import io.swagger.v3.oas.annotations.media.Schema;

/** A successful token response (RFC 6749 section 5.1). */
// The API description's generator does not follow serde's naming strategy: the snake_case names are spelled for it.
@Serdeable(naming = SnakeCaseStrategy.class)
@JsonInclude(JsonInclude.Include.NON_NULL)
public record TokenResponse(
        @Schema(name = "access_token") String accessToken,
        @Schema(name = "token_type") String tokenType,
        @Schema(name = "expires_in") long expiresIn,
        @Schema(name = "refresh_token") @Nullable String refreshToken,
        String scope) {
}
