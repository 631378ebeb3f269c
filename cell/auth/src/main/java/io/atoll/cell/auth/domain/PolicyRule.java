package io.atoll.cell.auth.domain;

import java.util.Locale;
import java.util.Set;
import java.util.stream.Collectors;

import static java.util.Objects.requireNonNull;

/**
 * What requests of some methods on some paths need.
 *
 * @param methods the methods covered, upper-case; empty for all
 * @param path the paths covered
 * @param scopes the scopes a token must carry, all of them
 * @param anonymous whether the requests pass without any token
 */
public record PolicyRule(Set<String> methods, PathPattern path, Scopes scopes, boolean anonymous) {
    public PolicyRule {
        methods = requireNonNull(methods, "methods is null").stream()
                .map(method -> method.toUpperCase(Locale.ROOT)).collect(Collectors.toUnmodifiableSet());
        requireNonNull(path, "path is null");
        requireNonNull(scopes, "scopes is null");
    }

    public boolean covers(String method, String requestPath) {
        return (methods.isEmpty() || methods.contains(method)) && path.matches(requestPath);
    }
}
