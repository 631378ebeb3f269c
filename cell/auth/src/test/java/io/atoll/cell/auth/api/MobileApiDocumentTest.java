package io.atoll.cell.auth.api;

import io.atoll.cell.auth.domain.AccessPolicy;
import io.atoll.cell.auth.domain.PathPattern;
import io.atoll.cell.auth.domain.PolicyRule;
import io.atoll.cell.auth.domain.Scopes;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class MobileApiDocumentTest {
    private static final AccessPolicy POLICY = new AccessPolicy(List.of(
            new PolicyRule(Set.of("GET"), new PathPattern("/v1/public/**"), Scopes.NONE, true),
            new PolicyRule(Set.of(), new PathPattern("/v1/**"), Scopes.parse("app"), false)));
    private static final Map<String, Object> AUTH = Map.of("openapi", "3.0.1", "paths", Map.of(
            "/oauth/token", Map.of("post", operation("Token")),
            "/oauth/introspect", Map.of("post", operation("Introspection")),
            "/v1/accounts", Map.of("post", operation("Account"))),
            "components", Map.of("schemas", Map.of(
                    "Token", Map.of("type", "object"),
                    "Introspection", Map.of("type", "object"),
                    "Account", Map.of("type", "object"))));
    private static final Map<String, Object> APP = Map.of("openapi", "3.0.1", "info", Map.of("title", "atoll-app", "version", "1.0.0"),
            "paths", Map.of(
                    "/v1/devices/{id}", Map.of("parameters", List.of(), "get", operation("Device"), "delete", operation("Device")),
                    "/v1/public/items", Map.of("get", operation("Item"), "post", operation("Item")),
                    "/v1/accounts", Map.of("get", operation("Account")),
                    "/health/readiness", Map.of("get", operation("Status"))),
            "components", Map.of("schemas", Map.of(
                    "Device", Map.of("type", "object", "properties", Map.of("state", Map.of("$ref", "#/components/schemas/DeviceState"))),
                    "DeviceState", Map.of("type", "string"),
                    "Item", Map.of("type", "object"),
                    "Account", Map.of("type", "object"),
                    "Status", Map.of("type", "object"))));

    private final MobileApiDocument document = new MobileApiDocument(POLICY);

    @Test
    void keepsTheAppsOperationsThePolicyLetsThroughWithTheScopesOfTheirRule() {
        Map<String, Object> paths = paths(document.of(AUTH, APP));

        assertThat(operation(paths, "/v1/devices/{id}", "get")).containsEntry("security", List.of(Map.of("member", List.of("app"))));
        assertThat(operation(paths, "/v1/devices/{id}", "delete")).containsKey("security");
        assertThat(path(paths, "/v1/devices/{id}")).containsKey("parameters");
        assertThat(operation(paths, "/v1/public/items", "get")).as("an anonymous rule's").doesNotContainKey("security");
        assertThat(operation(paths, "/v1/public/items", "post")).containsKey("security");
        assertThat(paths).as("the ingress answers its probe itself").doesNotContainKey("/health/readiness");
    }

    @Test
    void keepsOnlyTheEndpointsOfAuthThatMembersUseBesideTheAppsOnTheSamePath() {
        Map<String, Object> paths = paths(document.of(AUTH, APP));

        assertThat(paths).containsKey("/oauth/token").doesNotContainKey("/oauth/introspect");
        assertThat(path(paths, "/v1/accounts")).as("sign-up is auth's, a GET would be the app's").containsKeys("post", "get");
        assertThat(operation(paths, "/v1/accounts", "post")).doesNotContainKey("security");
    }

    @Test
    void keepsTheSchemasTheOperationsReferToAndNoOthers() {
        Map<String, Object> mobile = document.of(AUTH, APP);

        assertThat(map(map(mobile.get("components")).get("schemas"))).containsOnlyKeys("Token", "Account", "Device", "DeviceState", "Item");
        assertThat(map(mobile.get("info"))).containsEntry("title", MobileApiDocument.TITLE).containsEntry("version", "1.0.0");
        Map<String, Object> scheme = map(map(map(mobile.get("components")).get("securitySchemes")).get("member"));
        assertThat(map(map(map(scheme.get("flows")).get("password")).get("scopes"))).containsOnlyKeys("app");
    }

    @Test
    void refusesASchemaNameBothDescribeDifferently() {
        Map<String, Object> app = Map.of("openapi", "3.0.1", "info", Map.of("version", "1"), "paths", Map.of(),
                "components", Map.of("schemas", Map.of("Token", Map.of("type", "string"))));

        assertThatThrownBy(() -> document.of(AUTH, app)).isInstanceOf(IllegalStateException.class).hasMessageContaining("Token");
    }

    private static Map<String, Object> operation(String schema) {
        return Map.of("responses", Map.of("200", Map.of("content", Map.of("application/json",
                Map.of("schema", Map.of("$ref", "#/components/schemas/" + schema))))));
    }

    private static Map<String, Object> paths(Map<String, Object> document) {
        return map(document.get("paths"));
    }

    private static Map<String, Object> path(Map<String, Object> paths, String path) {
        return map(paths.get(path));
    }

    private static Map<String, Object> operation(Map<String, Object> paths, String path, String method) {
        return map(path(paths, path).get(method));
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> map(Object node) {
        assertThat(node).isInstanceOf(Map.class);
        return (Map<String, Object>) node;
    }
}
