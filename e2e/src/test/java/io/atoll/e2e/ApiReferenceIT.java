package io.atoll.e2e;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.atoll.devstack.cli.simulate.MobileClient;
import io.atoll.devstack.platform.CellServices;
import io.atoll.devstack.server.Endpoint;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.constructor.SafeConstructor;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The mobile API reference, fetched through the router, describes exactly the public surface. Every route the app or
 * auth serves that the ingress lets through (through the router with no token, anything but 404), as the running
 * services list their routes, is in it; every operation in it is routable through the router with a member's token
 * (neither 405 nor the 404 of a path nothing serves). And every service's own document and Swagger UI are on its
 * management port, never reachable from outside.
 */
class ApiReferenceIT {
    private static final HttpClient HTTP = HttpClient.newHttpClient();
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String MOBILE_API = "/openapi/mobile-api.yml";
    /** Auth's routes for the cell's services and probes, and the reference itself: public, but not what a phone calls. */
    private static final Set<String> NOT_FOR_PHONES = Set.of("POST /oauth/introspect", "GET /auth/check", "GET /health/readiness",
            "GET /health/liveness", "GET " + MOBILE_API);
    private static final Set<String> METHODS = Set.of("get", "put", "post", "delete", "patch");
    private static final Pattern ROUTE = Pattern.compile("^\\{\\[([^]]+)],method=\\[([A-Z]+)]");
    private static final Pattern TEMPLATE_VARIABLE = Pattern.compile("\\{[^/}]+}");

    private static E2ePlatform platform;

    @BeforeAll
    static void start() {
        platform = E2ePlatform.get();
    }

    @Test
    void everyRouteTheIngressLetsThroughIsInTheReference() throws Exception {
        Set<String> documented = operations(mobileApi());
        CellServices cell = platform.cell("eu-west-1");

        Set<String> letThrough = new TreeSet<>();
        for (Endpoint management : List.of(cell.appManagement(), cell.ingressManagement())) {
            for (String route : routes(management)) {
                String[] methodAndPath = route.split(" ", 2);
                if (send(methodAndPath[0], platform.router().resolve(concrete(methodAndPath[1])), null).statusCode() != 404) {
                    letThrough.add(route);
                }
            }
        }

        assertThat(letThrough).as("what the routes endpoints list is reachable: the check itself works")
                .contains("POST /v1/devices/{deviceId}/checkins", "POST /oauth/token");
        assertThat(documented).as("every route reachable through the router, but for auth's own non-phone ones")
                .containsAll(letThrough.stream().filter(route -> !NOT_FOR_PHONES.contains(route)).toList());
    }

    @Test
    void everyOperationInTheReferenceIsRoutableThroughTheRouter() throws Exception {
        Set<String> documented = operations(mobileApi());
        String token = memberToken();
        JsonNode unrouted = JSON.readTree(send("GET", platform.router().resolve("/v1/" + UUID.randomUUID()), token).body());

        assertThat(documented).contains("POST /v1/accounts", "POST /oauth/token", "GET /.well-known/jwks.json", "GET /v1/sync");
        for (String operation : documented) {
            String[] methodAndPath = operation.split(" ", 2);
            HttpResponse<String> answer = send(methodAndPath[0], platform.router().resolve(concrete(methodAndPath[1])), token);
            assertThat(answer.statusCode()).as(operation).isNotEqualTo(405);
            if (answer.statusCode() == 404) {
                JsonNode problem = JSON.readTree(answer.body());
                assertThat(problem.path("title").asText() + problem.path("detail").asText()).as(operation + ": " + answer.body())
                        .isNotEqualTo(unrouted.path("title").asText() + unrouted.path("detail").asText());
            }
        }
    }

    @Test
    void theReferenceIsAnOpenApiDocumentAnyoneCanFetchThroughTheRouter() throws Exception {
        HttpResponse<String> answer = send("GET", platform.router().resolve(MOBILE_API), null);

        assertThat(answer.statusCode()).isEqualTo(200);
        assertThat(answer.headers().firstValue("Content-Type")).hasValue("application/yaml");
        Map<String, Object> document = yaml(answer.body());
        assertThat(document.get("openapi").toString()).startsWith("3.");
        assertThat(map(document.get("info"))).containsEntry("title", "Atoll mobile API");
        assertThat(map(map(document.get("paths")).get("/v1/devices")).get("post").toString()).contains("security=[{member=[app]}]");
    }

    @Test
    void everyServiceDescribesItsApiWithSwaggerUiOnItsManagementPortOnly() throws Exception {
        for (String region : E2ePlatform.REGIONS) {
            CellServices cell = platform.cell(region);
            assertDescribed(URI.create("http://" + cell.ingressManagement()), "atoll-auth");
            assertDescribed(URI.create("http://" + cell.appManagement()), "atoll-app");
            assertDescribed(URI.create("http://" + cell.storageManagement()), "atoll-storage");
            assertThat(get(URI.create("http://" + cell.appManagement() + "/health")).body()).as("the app's health, with its details")
                    .contains("\"details\"");
            for (URI outside : List.of(platform.router(), platform.ingress(region), URI.create("http://" + cell.app()))) {
                for (String path : List.of("/swagger-ui", "/swagger/atoll-app.yml", "/swagger/atoll-auth.yml", "/routes", "/swagger-ui/res/swagger-ui.css")) {
                    assertThat(get(outside.resolve(path)).statusCode()).as(outside.resolve(path).toString()).isEqualTo(404);
                }
            }
        }
        assertDescribed(platform.routerAdmin(), "atoll-router");
    }

    private static void assertDescribed(URI management, String service) throws IOException, InterruptedException {
        HttpResponse<String> document = get(management.resolve("/swagger/" + service + ".yml"));
        HttpResponse<String> page = get(management.resolve("/swagger-ui"));

        assertThat(document.statusCode()).as(management + ": " + service).isEqualTo(200);
        assertThat(yaml(document.body())).containsKey("paths");
        assertThat(page.statusCode()).as(management + "/swagger-ui").isEqualTo(200);
        assertThat(page.body()).contains("'/swagger/" + service + ".yml'");
        assertThat(get(management.resolve("/swagger-ui/res/swagger-ui-bundle.js")).statusCode()).isEqualTo(200);
    }

    private static Map<String, Object> mobileApi() throws IOException, InterruptedException {
        HttpResponse<String> answer = send("GET", platform.router().resolve(MOBILE_API), null);
        assertThat(answer.statusCode()).as(answer.body()).isEqualTo(200);
        return yaml(answer.body());
    }

    /** Each operation of a document as "METHOD /path/{template}". */
    private static Set<String> operations(Map<String, Object> document) {
        Set<String> operations = new TreeSet<>();
        map(document.get("paths")).forEach((path, item) -> map(item).keySet().stream().filter(METHODS::contains)
                .forEach(method -> operations.add(method.toUpperCase() + " " + path)));
        return operations;
    }

    /** What a running service serves, as its routes endpoint lists it: "METHOD /path/{template}", HEAD left out (GET's). */
    private static Set<String> routes(Endpoint management) throws IOException, InterruptedException {
        Set<String> routes = new TreeSet<>();
        JSON.readTree(get(URI.create("http://" + management + "/routes")).body()).fieldNames().forEachRemaining(key -> {
            Matcher route = ROUTE.matcher(key);
            if (route.find() && !route.group(2).equals("HEAD")) {
                routes.add(route.group(2) + " " + route.group(1));
            }
        });
        assertThat(routes).as(management + "/routes").isNotEmpty();
        return routes;
    }

    /** A path of a template, each variable a fresh id: what it names does not exist, and need not for the route to. */
    private static String concrete(String template) {
        return TEMPLATE_VARIABLE.matcher(template).replaceAll(match -> UUID.randomUUID().toString());
    }

    private static String memberToken() throws IOException {
        MobileClient member = new MobileClient(HTTP, platform.router(), "reference-" + UUID.randomUUID() + "@example.test", "eu-west-1");
        String password = "reference-Passw0rd!";
        assertThat(member.signUp(password).ok()).isTrue();
        return member.logIn(password).body().path("access_token").asText();
    }

    /** A request with no body; with a member's token when one is given. */
    private static HttpResponse<String> send(String method, URI uri, String token) throws IOException, InterruptedException {
        HttpRequest.Builder request = HttpRequest.newBuilder(uri).timeout(Duration.ofSeconds(20)).method(method, HttpRequest.BodyPublishers.noBody());
        if (token != null) {
            request.header("Authorization", "Bearer " + token);
        }
        return HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    private static HttpResponse<String> get(URI uri) throws IOException, InterruptedException {
        return send("GET", uri, null);
    }

    private static Map<String, Object> yaml(String text) {
        return new Yaml(new SafeConstructor(new LoaderOptions())).load(text);
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> map(Object node) {
        return (Map<String, Object>) node;
    }
}
