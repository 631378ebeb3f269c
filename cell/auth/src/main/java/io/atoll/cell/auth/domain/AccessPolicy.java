package io.atoll.cell.auth.domain;

import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Pattern;

import static java.util.Objects.requireNonNull;

/** Which rule governs a request: the first that covers its method and path. Requests no rule covers are denied. */
public final class AccessPolicy {
    // Dot segments, doubled or encoded slashes and backslashes mean the path the policy sees may not be the
    // path the upstream serves; such paths match no rule rather than be second-guessed here.
    private static final Pattern AMBIGUOUS = Pattern.compile("(^|/)\\.{1,2}(/|$)|//|\\\\|%2e|%2f|%5c", Pattern.CASE_INSENSITIVE);

    private final List<PolicyRule> rules;

    public AccessPolicy(List<PolicyRule> rules) {
        this.rules = List.copyOf(requireNonNull(rules, "rules is null"));
    }

    /** The rule for a request; {@code target} is its path, possibly with a query. */
    public Optional<PolicyRule> ruleFor(String method, String target) {
        String path = pathOf(target);
        if (!path.startsWith("/") || AMBIGUOUS.matcher(path).find()) {
            return Optional.empty();
        }
        String upperMethod = method.toUpperCase(Locale.ROOT);
        for (PolicyRule rule : rules) {
            if (rule.covers(upperMethod, path)) {
                return Optional.of(rule);
            }
        }
        return Optional.empty();
    }

    private static String pathOf(String target) {
        int end = target.length();
        int query = target.indexOf('?');
        int fragment = target.indexOf('#');
        if (query >= 0) {
            end = query;
        }
        if (fragment >= 0 && fragment < end) {
            end = fragment;
        }
        return target.substring(0, end);
    }
}
