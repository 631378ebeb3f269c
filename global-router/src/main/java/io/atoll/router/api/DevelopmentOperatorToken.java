package io.atoll.router.api;

import io.atoll.cell.contracts.AccessTokenClaims;
import io.atoll.router.config.RouterSettings;
import io.micronaut.context.annotation.Context;
import io.micronaut.context.annotation.Requires;
import io.micronaut.context.env.Environment;
import io.micronaut.http.HttpRequest;
import io.micronaut.security.authentication.Authentication;
import io.micronaut.security.token.validator.TokenValidator;
import org.reactivestreams.Publisher;
import reactor.core.publisher.Mono;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.List;

/**
 * Accepts the configured fixed operator token, for a local platform with no cell to sign operator tokens.
 * Refuses to start outside the {@code dev} environment, so that a fixed token never guards a real router.
 */
@Context
@Requires(property = "atoll.router.development-operator-token")
final class DevelopmentOperatorToken implements TokenValidator<HttpRequest<?>> {
    private final byte[] token;

    DevelopmentOperatorToken(RouterSettings settings, Environment environment) {
        if (!environment.getActiveNames().contains(Environment.DEVELOPMENT)) {
            throw new IllegalStateException("atoll.router.development-operator-token is for local development only: "
                    + "run with MICRONAUT_ENVIRONMENTS=dev, or remove it and use operator tokens from atoll.router.operator-jwks-urls");
        }
        this.token = settings.developmentOperatorToken().getBytes(StandardCharsets.UTF_8);
    }

    @Override
    public Publisher<Authentication> validateToken(String presented, HttpRequest<?> request) {
        boolean matches = MessageDigest.isEqual(token, presented.getBytes(StandardCharsets.UTF_8));
        return matches ? Mono.just(Authentication.build("development-operator", List.of(AccessTokenClaims.OPERATOR_SCOPE))) : Mono.empty();
    }
}
