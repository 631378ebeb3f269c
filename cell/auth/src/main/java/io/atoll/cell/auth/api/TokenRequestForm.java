package io.atoll.cell.auth.api;

import io.micronaut.core.annotation.Nullable;
import io.swagger.v3.oas.annotations.media.Schema;

/**
 * The fields of a token request as the API description shows them. The endpoint reads the form as a map, because
 * RFC 6749 (section 3.2) has it ignore parameters it does not know, which a bound record would refuse.
 */
@Schema(name = "TokenRequest", description = "A token request (RFC 6749), form-encoded")
record TokenRequestForm(
        @Schema(name = "grant_type", description = "password (a member signs in), refresh_token (a member's session goes on) or client_credentials (a service client)",
                allowableValues = {"password", "refresh_token", "client_credentials"}) String grantType,
        @Schema(name = "username", description = "password grant: the member's e-mail address") @Nullable String username,
        @Schema(name = "password", description = "password grant: the member's password") @Nullable String password,
        @Schema(name = "refresh_token", description = "refresh_token grant: the refresh token last issued; it is spent and a new one issued") @Nullable String refreshToken,
        @Schema(name = "scope", description = "the scopes asked for, separated by spaces; members get `app`") @Nullable String scope,
        @Schema(name = "client_id", description = "client_credentials grant, when not sent as HTTP Basic: the service client's id") @Nullable String clientId,
        @Schema(name = "client_secret", description = "client_credentials grant, when not sent as HTTP Basic: the service client's secret") @Nullable String clientSecret) {
}
