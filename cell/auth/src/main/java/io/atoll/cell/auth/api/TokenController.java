package io.atoll.cell.auth.api;

import io.atoll.cell.auth.domain.GrantOutcome;
import io.atoll.cell.auth.domain.OAuthError;
import io.atoll.cell.auth.domain.Scopes;
import io.atoll.cell.auth.domain.TokenRejectedException;
import io.atoll.cell.auth.domain.TokenService;
import io.atoll.cell.auth.domain.TokenVerifier;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.HttpHeaders;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.MediaType;
import io.micronaut.http.MutableHttpResponse;
import io.micronaut.http.annotation.Body;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Header;
import io.micronaut.http.annotation.Post;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.parameters.RequestBody;
import io.swagger.v3.oas.annotations.responses.ApiResponse;

import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletionException;

/** The token endpoint (RFC 6749), the revocation endpoint (RFC 7009) and the introspection endpoint (RFC 7662). */
@Controller
@ExecuteOn(TaskExecutors.BLOCKING)
final class TokenController {
    private static final GrantOutcome.Refused CLIENT_AUTHENTICATION_REQUIRED =
            GrantOutcome.Refused.of(OAuthError.INVALID_CLIENT, "client authentication is required");
    private final TokenService tokens;
    private final TokenVerifier verifier;
    private final ClientAddresses clientAddresses;

    TokenController(TokenService tokens, TokenVerifier verifier, ClientAddresses clientAddresses) {
        this.tokens = tokens;
        this.verifier = verifier;
        this.clientAddresses = clientAddresses;
    }

    @Post(uri = OwnRoutes.TOKEN, consumes = MediaType.APPLICATION_FORM_URLENCODED, produces = MediaType.APPLICATION_JSON)
    @Operation(summary = "Issue tokens", description = "A member signs in (password grant) or keeps a session going (refresh_token grant); "
            + "a service client authenticates with HTTP Basic or client_id and client_secret (client_credentials grant).")
    @RequestBody(required = true, content = @Content(mediaType = MediaType.APPLICATION_FORM_URLENCODED,
            schema = @Schema(implementation = TokenRequestForm.class)))
    @ApiResponse(responseCode = "200", description = "Tokens issued",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = TokenResponse.class)))
    @ApiResponse(responseCode = "400", description = "Refused, as RFC 6749 section 5.2 has it (e.g. invalid_grant for a wrong password "
            + "or a spent refresh token)", content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = OAuthErrorResponse.class)))
    @ApiResponse(responseCode = "401", description = "The client's authentication failed (invalid_client)",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = OAuthErrorResponse.class)))
    HttpResponse<?> token(@Body Map<String, String> form, @Header(HttpHeaders.AUTHORIZATION) @Nullable String authorization,
                          HttpRequest<?> request) {
        String address = clientAddresses.of(request);
        Scopes requested;
        try {
            requested = form.get("scope") == null ? null : Scopes.parse(form.get("scope"));
        } catch (IllegalArgumentException e) {
            return error(GrantOutcome.Refused.of(OAuthError.INVALID_SCOPE, "the scope parameter is malformed"), false);
        }
        String grantType = form.get("grant_type");
        if (grantType == null) {
            return error(GrantOutcome.Refused.of(OAuthError.INVALID_REQUEST, "grant_type is required"), false);
        }
        return switch (grantType) {
            case "password" -> {
                String username = form.get("username");
                String password = form.get("password");
                yield username == null || password == null
                        ? error(GrantOutcome.Refused.of(OAuthError.INVALID_REQUEST, "username and password are required"), false)
                        : answer(tokens.passwordGrant(username, password, requested, address), false);
            }
            case "refresh_token" -> {
                String refreshToken = form.get("refresh_token");
                yield refreshToken == null
                        ? error(GrantOutcome.Refused.of(OAuthError.INVALID_REQUEST, "refresh_token is required"), false)
                        : answer(tokens.refreshGrant(refreshToken, requested, address), false);
            }
            case "client_credentials" -> {
                PresentedClient client = PresentedClient.of(authorization, form);
                yield !client.complete()
                        ? error(CLIENT_AUTHENTICATION_REQUIRED, client.basic())
                        : answer(tokens.clientCredentialsGrant(client.id(), client.secret(), requested, address), client.basic());
            }
            default -> error(GrantOutcome.Refused.of(OAuthError.UNSUPPORTED_GRANT_TYPE, "grant_type " + grantType + " is not supported"), false);
        };
    }

    @Post(uri = OwnRoutes.REVOKE, consumes = MediaType.APPLICATION_FORM_URLENCODED, produces = MediaType.APPLICATION_JSON)
    @Operation(summary = "Revoke a token", description = "Signing out: answered 200 whether or not the token was known (RFC 7009).")
    @RequestBody(required = true, content = @Content(mediaType = MediaType.APPLICATION_FORM_URLENCODED,
            schema = @Schema(implementation = RevocationForm.class)))
    @ApiResponse(responseCode = "200", description = "The token is no longer valid")
    @ApiResponse(responseCode = "400", description = "No token was given (invalid_request)",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = OAuthErrorResponse.class)))
    HttpResponse<?> revoke(@Body Map<String, String> form, HttpRequest<?> request) {
        String token = form.get("token");
        if (token == null || token.isBlank()) {
            return error(GrantOutcome.Refused.of(OAuthError.INVALID_REQUEST, "token is required"), false);
        }
        tokens.revoke(token, clientAddresses.of(request));
        return noStore(HttpResponse.ok());
    }

    /** Tells a service client whether a token is active and what it carries; only service clients may ask. */
    @Post(uri = OwnRoutes.INTROSPECT, consumes = MediaType.APPLICATION_FORM_URLENCODED, produces = MediaType.APPLICATION_JSON)
    HttpResponse<?> introspect(@Body Map<String, String> form, @Header(HttpHeaders.AUTHORIZATION) @Nullable String authorization,
                               HttpRequest<?> request) {
        PresentedClient client = PresentedClient.of(authorization, form);
        if (!client.complete()) {
            return error(CLIENT_AUTHENTICATION_REQUIRED, client.basic());
        }
        Optional<GrantOutcome.Refused> refused = tokens.authenticateClient(client.id(), client.secret(), clientAddresses.of(request));
        if (refused.isPresent()) {
            return error(refused.get(), client.basic());
        }
        String token = form.get("token");
        if (token == null || token.isBlank()) {
            return error(GrantOutcome.Refused.of(OAuthError.INVALID_REQUEST, "token is required"), false);
        }
        try {
            return noStore(HttpResponse.ok(IntrospectionResponse.of(verifier.verify(token).join())));
        } catch (CompletionException e) {
            if (e.getCause() instanceof TokenRejectedException) {
                return noStore(HttpResponse.ok(IntrospectionResponse.INACTIVE));
            }
            throw e;
        }
    }

    private static HttpResponse<?> answer(GrantOutcome outcome, boolean basicAuth) {
        if (outcome instanceof GrantOutcome.Issued issued) {
            return noStore(HttpResponse.ok(new TokenResponse(issued.accessToken(), "Bearer", issued.expiresIn().toSeconds(),
                    issued.refreshToken(), issued.scopes().toString())));
        }
        return error((GrantOutcome.Refused) outcome, basicAuth);
    }

    private static HttpResponse<?> error(GrantOutcome.Refused refused, boolean basicAuth) {
        MutableHttpResponse<OAuthErrorResponse> response = HttpResponse.status(status(refused))
                .body(new OAuthErrorResponse(refused.error().code(), refused.description()));
        if (refused.retryAfter() != null) {
            response.header(HttpHeaders.RETRY_AFTER, String.valueOf(Math.max(1, refused.retryAfter().toSeconds() + 1)));
        }
        if (refused.error() == OAuthError.INVALID_CLIENT && basicAuth) {
            response.header(HttpHeaders.WWW_AUTHENTICATE, "Basic realm=\"atoll\"");
        }
        return noStore(response);
    }

    private static HttpStatus status(GrantOutcome.Refused refused) {
        if (refused.retryAfter() != null) {
            return HttpStatus.TOO_MANY_REQUESTS;
        }
        return refused.error() == OAuthError.INVALID_CLIENT ? HttpStatus.UNAUTHORIZED : HttpStatus.BAD_REQUEST;
    }

    private static <T> MutableHttpResponse<T> noStore(MutableHttpResponse<T> response) {
        return response.header(HttpHeaders.CACHE_CONTROL, "no-store").header("Pragma", "no-cache");
    }

    /**
     * The credentials a client presented (RFC 6749 section 2.3.1): from an HTTP Basic header, else from the form.
     *
     * @param basic whether they came in the header, which a refusal then answers with {@code WWW-Authenticate}
     */
    private record PresentedClient(@Nullable String id, @Nullable String secret, boolean basic) {
        static PresentedClient of(@Nullable String authorization, Map<String, String> form) {
            return basicCredentials(authorization).map(pair -> new PresentedClient(pair[0], pair[1], true))
                    .orElseGet(() -> new PresentedClient(form.get("client_id"), form.get("client_secret"), false));
        }

        boolean complete() {
            return id != null && secret != null;
        }
    }

    /** The client id and secret of an HTTP Basic header (RFC 6749 section 2.3.1), form-decoded as it asks. */
    private static Optional<String[]> basicCredentials(String authorization) {
        if (authorization == null || !authorization.regionMatches(true, 0, "Basic ", 0, 6)) {
            return Optional.empty();
        }
        try {
            String decoded = new String(Base64.getDecoder().decode(authorization.substring(6).trim()), StandardCharsets.UTF_8);
            int colon = decoded.indexOf(':');
            if (colon < 0) {
                return Optional.empty();
            }
            return Optional.of(new String[] {
                    URLDecoder.decode(decoded.substring(0, colon), StandardCharsets.UTF_8),
                    URLDecoder.decode(decoded.substring(colon + 1), StandardCharsets.UTF_8)});
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
    }
}
