package io.atoll.cell.auth.api;

import io.micronaut.core.annotation.Nullable;
import io.swagger.v3.oas.annotations.media.Schema;

/** The fields of a revocation request as the API description shows them; read as a map for the reason of {@link TokenRequestForm}. */
@Schema(name = "RevocationRequest", description = "A token revocation (RFC 7009), form-encoded")
record RevocationForm(
        @Schema(name = "token", description = "a refresh token (its whole family is revoked, with the access tokens issued beside it) or an access token") String token,
        @Schema(name = "token_type_hint", description = "refresh_token or access_token: a hint, not a requirement") @Nullable String tokenTypeHint) {
}
