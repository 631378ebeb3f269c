package io.atoll.cell.auth;

import com.nimbusds.oauth2.sdk.AccessTokenResponse;
import com.nimbusds.oauth2.sdk.RefreshTokenGrant;
import com.nimbusds.oauth2.sdk.ResourceOwnerPasswordCredentialsGrant;
import com.nimbusds.oauth2.sdk.Scope;
import com.nimbusds.oauth2.sdk.TokenIntrospectionRequest;
import com.nimbusds.oauth2.sdk.TokenIntrospectionResponse;
import com.nimbusds.oauth2.sdk.TokenIntrospectionSuccessResponse;
import com.nimbusds.oauth2.sdk.TokenRequest;
import com.nimbusds.oauth2.sdk.TokenResponse;
import com.nimbusds.oauth2.sdk.TokenRevocationRequest;
import com.nimbusds.oauth2.sdk.as.AuthorizationServerMetadata;
import com.nimbusds.oauth2.sdk.auth.ClientSecretBasic;
import com.nimbusds.oauth2.sdk.auth.Secret;
import com.nimbusds.oauth2.sdk.http.HTTPRequest;
import com.nimbusds.oauth2.sdk.http.HTTPResponse;
import com.nimbusds.oauth2.sdk.id.ClientID;
import com.nimbusds.oauth2.sdk.id.Issuer;
import com.nimbusds.oauth2.sdk.token.AccessToken;
import com.nimbusds.oauth2.sdk.token.Tokens;
import io.atoll.cell.auth.domain.AccountService;
import io.atoll.cell.auth.domain.AccountType;
import io.atoll.cell.auth.domain.Scopes;
import io.atoll.cell.auth.support.Http;
import io.atoll.cell.auth.support.Members;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.net.URI;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/** A standard OAuth 2 client (Nimbus), configured from the server's metadata alone, through the cell's ingress. */
class StandardOAuthClientIT extends EchoAppCellTest {
    private AuthorizationServerMetadata metadata;
    private ClientSecretBasic service;

    @BeforeAll
    void discover() throws Exception {
        String base = cell.uri("/").toString();
        metadata = AuthorizationServerMetadata.resolve(new Issuer(base.substring(0, base.length() - 1)));
        String clientId = "reporting-" + UUID.randomUUID().toString().substring(0, 8);
        String secret = cell.bean(AccountService.class).create(AccountType.SERVICE, clientId, null, Scopes.parse("storage:read"), "127.0.0.1")
                .generatedSecret();
        service = new ClientSecretBasic(new ClientID(clientId), new Secret(secret));
    }

    @Test
    void theMetadataNamesEveryEndpointTheClientUses() {
        assertThat(metadata.getTokenEndpointURI()).isEqualTo(cell.uri("/oauth/token"));
        assertThat(metadata.getRevocationEndpointURI()).isEqualTo(cell.uri("/oauth/revoke"));
        assertThat(metadata.getIntrospectionEndpointURI()).isEqualTo(cell.uri("/oauth/introspect"));
        assertThat(metadata.getJWKSetURI()).isEqualTo(cell.uri("/.well-known/jwks.json"));
        assertThat(metadata.getGrantTypes()).extracting(Object::toString).contains("password", "refresh_token", "client_credentials");
    }

    @Test
    void aMemberSignsInCallsRefreshesAndRevokesAndAServiceIntrospects() throws Exception {
        String email = UUID.randomUUID() + "@example.com";
        assertThat(Http.postJson(cell.uri("/v1/accounts"), "{\"email\":\"" + email + "\",\"password\":\"" + Members.PASSWORD + "\"}").statusCode())
                .isEqualTo(201);

        Tokens signedIn = tokens(new TokenRequest(metadata.getTokenEndpointURI(),
                new ResourceOwnerPasswordCredentialsGrant(email, new Secret(Members.PASSWORD)), new Scope("app")));
        assertThat(call(signedIn.getAccessToken())).isEqualTo(200);

        TokenIntrospectionSuccessResponse active = introspect(signedIn.getAccessToken());
        assertThat(active.isActive()).isTrue();
        assertThat(active.getScope()).isEqualTo(new Scope("app"));
        assertThat(active.getSubject()).isNotNull();
        assertThat(active.getStringParameter("home_cell")).isEqualTo("eu-west-1");

        Tokens refreshed = tokens(new TokenRequest(metadata.getTokenEndpointURI(), new RefreshTokenGrant(signedIn.getRefreshToken())));
        assertThat(refreshed.getRefreshToken()).isNotEqualTo(signedIn.getRefreshToken());
        assertThat(call(refreshed.getAccessToken())).isEqualTo(200);

        HTTPResponse revoked = new TokenRevocationRequest(metadata.getRevocationEndpointURI(), new ClientID("mobile"), refreshed.getAccessToken())
                .toHTTPRequest().send();
        assertThat(revoked.getStatusCode()).isEqualTo(200);
        assertThat(call(refreshed.getAccessToken())).isEqualTo(401);
        assertThat(introspect(refreshed.getAccessToken()).isActive()).isFalse();
    }

    @Test
    void onlyAnAuthenticatedServiceClientMayIntrospect() throws Exception {
        Tokens member = tokens(new TokenRequest(metadata.getTokenEndpointURI(),
                new ResourceOwnerPasswordCredentialsGrant(signUp(), new Secret(Members.PASSWORD)), new Scope("app")));
        ClientSecretBasic wrongSecret = new ClientSecretBasic(service.getClientID(), new Secret("not the secret at all"));

        TokenIntrospectionResponse refused = TokenIntrospectionResponse.parse(
                new TokenIntrospectionRequest(metadata.getIntrospectionEndpointURI(), wrongSecret, member.getAccessToken()).toHTTPRequest().send());

        assertThat(refused.indicatesSuccess()).isFalse();
        assertThat(refused.toErrorResponse().getErrorObject().getHTTPStatusCode()).isEqualTo(401);
        assertThat(refused.toErrorResponse().getErrorObject().getCode()).isEqualTo("invalid_client");
    }

    private String signUp() {
        String email = UUID.randomUUID() + "@example.com";
        Http.postJson(cell.uri("/v1/accounts"), "{\"email\":\"" + email + "\",\"password\":\"" + Members.PASSWORD + "\"}");
        return email;
    }

    private static Tokens tokens(TokenRequest request) throws Exception {
        TokenResponse response = TokenResponse.parse(request.toHTTPRequest().send());
        assertThat(response.indicatesSuccess()).as(() -> response.toErrorResponse().getErrorObject().toString()).isTrue();
        return ((AccessTokenResponse) response).getTokens();
    }

    private TokenIntrospectionSuccessResponse introspect(AccessToken token) throws Exception {
        TokenIntrospectionResponse response = TokenIntrospectionResponse.parse(
                new TokenIntrospectionRequest(metadata.getIntrospectionEndpointURI(), service, token).toHTTPRequest().send());
        assertThat(response.indicatesSuccess()).isTrue();
        return response.toSuccessResponse();
    }

    private int call(AccessToken token) throws Exception {
        HTTPRequest request = new HTTPRequest(HTTPRequest.Method.GET, URI.create(cell.uri("/v1/orders").toString()));
        request.setAuthorization(token.toAuthorizationHeader());
        return request.send().getStatusCode();
    }
}
