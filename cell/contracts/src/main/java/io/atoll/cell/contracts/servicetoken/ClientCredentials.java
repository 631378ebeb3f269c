package io.atoll.cell.contracts.servicetoken;

import java.net.URI;

import static java.util.Objects.requireNonNull;

/**
 * A service client of the cell's auth, as it asks for tokens with the client credentials grant.
 *
 * @param tokenUrl the cell auth's token endpoint
 * @param clientId the service's client
 * @param clientSecret its secret
 * @param scope the space-separated scopes it asks for
 */
public record ClientCredentials(URI tokenUrl, String clientId, String clientSecret, String scope) {
    public ClientCredentials {
        requireNonNull(tokenUrl, "tokenUrl is null");
        requireNonNull(clientId, "clientId is null");
        requireNonNull(clientSecret, "clientSecret is null");
        requireNonNull(scope, "scope is null");
    }

    @Override
    public String toString() {
        // The secret stays out of logs and exception messages.
        return "ClientCredentials[tokenUrl=" + tokenUrl + ", clientId=" + clientId + ", scope=" + scope + "]";
    }
}
