package io.atoll.cell.auth.api;

import io.atoll.cell.auth.domain.AccessPolicy;
import io.atoll.cell.auth.domain.PolicyRule;

import java.util.ArrayDeque;
import java.util.Deque;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.regex.Pattern;

/**
 * The mobile API: an OpenAPI document of exactly what a phone reaches through the router, made from the two documents
 * micronaut-openapi generated. From the app's, the operations this ingress's policy lets through (each with the scopes
 * its rule asks for); from auth's own, the endpoints members use ({@link OwnRoutes#MEMBERS_USE}). Made from the live
 * policy and the running app's document, it cannot drift from either.
 */
final class MobileApiDocument {
    static final String TITLE = "Atoll mobile API";
    /** The security scheme of the app's operations: a member's access token from the password grant. */
    static final String MEMBER_SCHEME = "member";
    private static final Set<String> METHODS = Set.of("get", "put", "post", "delete", "options", "head", "patch", "trace");
    private static final String SCHEMAS = "#/components/schemas/";
    private static final Pattern TEMPLATE_VARIABLE = Pattern.compile("\\{[^/}]+}");

    private final AccessPolicy policy;

    MobileApiDocument(AccessPolicy policy) {
        this.policy = policy;
    }

    /** The mobile API from auth's generated document and the app's, both as parsed YAML or JSON. */
    Map<String, Object> of(Map<String, Object> auth, Map<String, Object> app) {
        Map<String, Object> paths = new TreeMap<>();
        Set<String> scopes = new TreeSet<>();
        map(auth.get("paths")).forEach((path, item) -> {
            if (OwnRoutes.MEMBERS_USE.contains(path)) {
                paths.put(path, item);
            }
        });
        // A path may have both: auth answers some of its methods itself (OwnRoutes), the app the others.
        map(app.get("paths")).forEach((path, item) -> letThrough(path, map(item), scopes).ifPresent(kept -> paths.merge(path, kept,
                (own, forwarded) -> {
                    Map<String, Object> both = new LinkedHashMap<>(map(own));
                    both.putAll(map(forwarded));
                    return both;
                })));

        Map<String, Object> components = new LinkedHashMap<>();
        components.put("schemas", referencedSchemas(paths, schemas(auth, app)));
        components.put("securitySchemes", Map.of(MEMBER_SCHEME, memberScheme(scopes)));
        Map<String, Object> document = new LinkedHashMap<>();
        document.put("openapi", app.get("openapi"));
        document.put("info", Map.of("title", TITLE, "version", map(app.get("info")).get("version"),
                "description", "What the mobile app calls through the global router: sign-up and tokens at the member's cell, and the "
                        + "app's API, each operation with the scopes the ingress's policy asks of its token."));
        document.put("paths", paths);
        document.put("components", components);
        return document;
    }

    /** The operations of an app path the ingress forwards, each with its rule's scopes; none when it forwards none. */
    private Optional<Map<String, Object>> letThrough(String path, Map<String, Object> item, Set<String> scopes) {
        String concretePath = TEMPLATE_VARIABLE.matcher(path).replaceAll("x");
        Map<String, Object> kept = new LinkedHashMap<>();
        item.forEach((key, value) -> {
            String method = key.toUpperCase(Locale.ROOT);
            if (!METHODS.contains(key)) {
                kept.put(key, value);
                return;
            }
            Optional<PolicyRule> rule = OwnRoutes.isOwn(method, concretePath) ? Optional.empty() : policy.ruleFor(method, concretePath);
            rule.ifPresent(found -> {
                Map<String, Object> operation = new LinkedHashMap<>(map(value));
                if (!found.anonymous()) {
                    List<String> required = List.copyOf(found.scopes().names());
                    operation.put("security", List.of(Map.of(MEMBER_SCHEME, required)));
                    scopes.addAll(required);
                }
                kept.put(key, operation);
            });
        });
        return kept.keySet().stream().anyMatch(METHODS::contains) ? Optional.of(kept) : Optional.empty();
    }

    private static Map<String, Object> schemas(Map<String, Object> auth, Map<String, Object> app) {
        Map<String, Object> all = new TreeMap<>(map(map(auth.get("components")).get("schemas")));
        map(map(app.get("components")).get("schemas")).forEach((name, schema) -> all.merge(name, schema, (own, forwarded) -> {
            if (!own.equals(forwarded)) {
                throw new IllegalStateException("auth and the app describe the schema " + name + " differently");
            }
            return own;
        }));
        return all;
    }

    /** The schemas the paths refer to, and those they refer to in turn: a schema of an operation left out is left out too. */
    private static Map<String, Object> referencedSchemas(Map<String, Object> paths, Map<String, Object> all) {
        Map<String, Object> referenced = new TreeMap<>();
        Deque<Object> unread = new ArrayDeque<>(List.of(paths));
        while (!unread.isEmpty()) {
            Object node = unread.pop();
            if (node instanceof Map<?, ?> object) {
                Object reference = object.get("$ref");
                if (reference instanceof String target && target.startsWith(SCHEMAS)) {
                    String name = target.substring(SCHEMAS.length());
                    if (!referenced.containsKey(name) && all.containsKey(name)) {
                        referenced.put(name, all.get(name));
                        unread.push(all.get(name));
                    }
                }
                unread.addAll(object.values());
            } else if (node instanceof List<?> list) {
                unread.addAll(list);
            }
        }
        return referenced;
    }

    private static Map<String, Object> memberScheme(Set<String> scopes) {
        Map<String, Object> scopeDescriptions = new TreeMap<>();
        scopes.forEach(scope -> scopeDescriptions.put(scope, "asked for by the ingress's policy"));
        Map<String, Object> password = new LinkedHashMap<>();
        password.put("tokenUrl", OwnRoutes.TOKEN);
        password.put("refreshUrl", OwnRoutes.TOKEN);
        password.put("scopes", scopeDescriptions);
        Map<String, Object> scheme = new LinkedHashMap<>();
        scheme.put("type", "oauth2");
        scheme.put("description", "A member's access token, from " + OwnRoutes.TOKEN + " with the password grant, sent as "
                + "'Authorization: Bearer <token>'. Any cell accepts any cell's tokens.");
        scheme.put("flows", Map.of("password", password));
        return scheme;
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> map(Object node) {
        return node == null ? Map.of() : (Map<String, Object>) node;
    }
}
