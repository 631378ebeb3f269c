package io.atoll.cell.auth.api;

import io.micronaut.serde.annotation.Serdeable;
import io.micronaut.serde.config.naming.SnakeCaseStrategy;

import java.util.List;

/**
 * The authorization server's metadata (RFC 8414), from which a standard OAuth 2 client finds every endpoint. The
 * server has no authorization endpoint (members sign in with the password grant), so it lists no response types.
 */
@Serdeable(naming = SnakeCaseStrategy.class)
public record AuthorizationServerMetadata(String issuer, String tokenEndpoint, String revocationEndpoint, String introspectionEndpoint,
                                          String jwksUri, List<String> grantTypesSupported, List<String> responseTypesSupported,
                                          List<String> scopesSupported, List<String> tokenEndpointAuthMethodsSupported,
                                          List<String> revocationEndpointAuthMethodsSupported,
                                          List<String> introspectionEndpointAuthMethodsSupported) {
    private static final List<String> CLIENT_AUTHENTICATION = List.of("client_secret_basic", "client_secret_post");

    /** The metadata of the server reached at {@code base} (scheme, host and port, no trailing slash). */
    static AuthorizationServerMetadata at(String base, List<String> memberScopes) {
        return new AuthorizationServerMetadata(base, base + OwnRoutes.TOKEN, base + OwnRoutes.REVOKE, base + OwnRoutes.INTROSPECT,
                base + OwnRoutes.JWKS, List.of("password", "refresh_token", "client_credentials"), List.of(), memberScopes,
                List.of("none", "client_secret_basic", "client_secret_post"), List.of("none"), CLIENT_AUTHENTICATION);
    }
}
