package io.atoll.cell.auth.api;

import io.micronaut.serde.annotation.Serdeable;
import io.micronaut.serde.config.naming.SnakeCaseStrategy;
import io.swagger.v3.oas.annotations.media.Schema;

import java.util.List;

/**
 * The authorization server's metadata (RFC 8414), from which a standard OAuth 2 client finds every endpoint. The
 * server has no authorization endpoint (members sign in with the password grant), so it lists no response types.
 */
// The API description's generator does not follow serde's naming strategy: the snake_case names are spelled for it.
@Serdeable(naming = SnakeCaseStrategy.class)
public record AuthorizationServerMetadata(
        String issuer,
        @Schema(name = "token_endpoint") String tokenEndpoint,
        @Schema(name = "revocation_endpoint") String revocationEndpoint,
        @Schema(name = "introspection_endpoint") String introspectionEndpoint,
        @Schema(name = "jwks_uri") String jwksUri,
        @Schema(name = "grant_types_supported") List<String> grantTypesSupported,
        @Schema(name = "response_types_supported") List<String> responseTypesSupported,
        @Schema(name = "scopes_supported") List<String> scopesSupported,
        @Schema(name = "token_endpoint_auth_methods_supported") List<String> tokenEndpointAuthMethodsSupported,
        @Schema(name = "revocation_endpoint_auth_methods_supported") List<String> revocationEndpointAuthMethodsSupported,
        @Schema(name = "introspection_endpoint_auth_methods_supported") List<String> introspectionEndpointAuthMethodsSupported) {
    private static final List<String> CLIENT_AUTHENTICATION = List.of("client_secret_basic", "client_secret_post");

    /** The metadata of the server reached at {@code base} (scheme, host and port, no trailing slash). */
    static AuthorizationServerMetadata at(String base, List<String> memberScopes) {
        return new AuthorizationServerMetadata(base, base + OwnRoutes.TOKEN, base + OwnRoutes.REVOKE, base + OwnRoutes.INTROSPECT,
                base + OwnRoutes.JWKS, List.of("password", "refresh_token", "client_credentials"), List.of(), memberScopes,
                List.of("none", "client_secret_basic", "client_secret_post"), List.of("none"), CLIENT_AUTHENTICATION);
    }
}
