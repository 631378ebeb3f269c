package io.atoll.cell.auth.domain;

import java.util.Locale;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;

import static java.util.Objects.requireNonNull;

/** Decides a request from its method, its path and its {@code Authorization} header: policy first, then token. */
public final class RequestAuthorizer {
    private static final String BEARER = "bearer ";

    private final AccessPolicy policy;
    private final TokenVerifier verifier;

    public RequestAuthorizer(AccessPolicy policy, TokenVerifier verifier) {
        this.policy = requireNonNull(policy, "policy is null");
        this.verifier = requireNonNull(verifier, "verifier is null");
    }

    public CompletableFuture<Authorization> authorize(String method, String target, String authorizationHeader) {
        Optional<PolicyRule> found = policy.ruleFor(method, target);
        if (found.isEmpty()) {
            return CompletableFuture.completedFuture(new Authorization.Uncovered());
        }
        PolicyRule rule = found.get();
        if (rule.anonymous()) {
            return CompletableFuture.completedFuture(new Authorization.Anonymous());
        }
        Optional<String> token = bearerToken(authorizationHeader);
        if (token.isEmpty()) {
            return CompletableFuture.completedFuture(new Authorization.Unauthenticated(null));
        }
        return verifier.verify(token.get())
                .<Authorization>thenApply(verified -> verified.scopes().containsAll(rule.scopes())
                        ? new Authorization.Granted(verified)
                        : new Authorization.Forbidden(rule.scopes(), "the token lacks a required scope"))
                .exceptionally(RequestAuthorizer::rejection);
    }

    /**
     * The decision, when it lets the request through and is known without verifying a signature: a public
     * path, or a token verified before that is still valid and holds the scopes. Empty otherwise, including
     * for every refusal: {@link #authorize} decides those.
     */
    public Optional<Authorization> allowedFromMemory(String method, String target, String authorizationHeader) {
        Optional<PolicyRule> found = policy.ruleFor(method, target);
        if (found.isEmpty()) {
            return Optional.empty();
        }
        PolicyRule rule = found.get();
        if (rule.anonymous()) {
            return Optional.of(new Authorization.Anonymous());
        }
        return bearerToken(authorizationHeader).flatMap(verifier::remembered)
                .filter(verified -> verified.scopes().containsAll(rule.scopes()))
                .map(Authorization.Granted::new);
    }

    private static Authorization rejection(Throwable failure) {
        Throwable cause = failure instanceof CompletionException && failure.getCause() != null ? failure.getCause() : failure;
        if (cause instanceof TokenRejectedException rejected) {
            return new Authorization.Unauthenticated(rejected.reason());
        }
        throw new CompletionException(cause);
    }

    static Optional<String> bearerToken(String header) {
        if (header == null || header.length() <= BEARER.length()
                || !header.substring(0, BEARER.length()).toLowerCase(Locale.ROOT).equals(BEARER)) {
            return Optional.empty();
        }
        String token = header.substring(BEARER.length()).trim();
        return token.isEmpty() ? Optional.empty() : Optional.of(token);
    }
}
