package io.atoll.e2e;

import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.oauth2.sdk.AccessTokenResponse;
import com.nimbusds.oauth2.sdk.RefreshTokenGrant;
import com.nimbusds.oauth2.sdk.ResourceOwnerPasswordCredentialsGrant;
import com.nimbusds.oauth2.sdk.Scope;
import com.nimbusds.oauth2.sdk.TokenRequest;
import com.nimbusds.oauth2.sdk.TokenResponse;
import com.nimbusds.oauth2.sdk.TokenRevocationRequest;
import com.nimbusds.oauth2.sdk.as.AuthorizationServerMetadata;
import com.nimbusds.oauth2.sdk.auth.Secret;
import com.nimbusds.oauth2.sdk.http.HTTPRequest;
import com.nimbusds.oauth2.sdk.http.HTTPResponse;
import com.nimbusds.oauth2.sdk.id.ClientID;
import com.nimbusds.oauth2.sdk.id.Issuer;
import com.nimbusds.oauth2.sdk.token.Tokens;
import io.atoll.devstack.cli.simulate.MobileClient;
import io.atoll.devstack.platform.CellServices;
import io.atoll.devstack.platform.RouterServices;
import io.atoll.devstack.server.Endpoint;
import io.atoll.devstack.process.OwnedProcess;
import io.atoll.devstack.process.StateFile;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;

import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.LockSupport;
import java.util.function.Predicate;

import static org.assertj.core.api.Assertions.assertThat;

/** Members' journeys through the global router, in front of both real cells. */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class RouterJourneyIT {
    private static final String PASSWORD = "router-Passw0rd!";
    private static final HttpClient HTTP = HttpClient.newHttpClient();
    private static E2ePlatform platform;

    @BeforeAll
    static void platform() {
        platform = E2ePlatform.get();
    }

    @Test
    @Order(0)
    void aStandardOAuthClientFindsEveryEndpointAtTheRouter() throws Exception {
        AuthorizationServerMetadata metadata = AuthorizationServerMetadata.resolve(new Issuer(platform.router().toString()));

        assertThat(metadata.getTokenEndpointURI()).isEqualTo(platform.router().resolve("/oauth/token"));
        assertThat(metadata.getRevocationEndpointURI()).isEqualTo(platform.router().resolve("/oauth/revoke"));
        assertThat(JWKSet.load(metadata.getJWKSetURI().toURL()).getKeys()).as("the keys, fetched through the router").isNotEmpty();
    }

    /**
     * The member signed up in us-east-1; the client now calls from Europe (its X-Client-Region, as an edge in front
     * of the router would set it, makes eu-west-1 the nearest cell) with nothing else but what OAuth 2 sends.
     */
    @Test
    @Order(0)
    void aStandardOAuthClientSignsUpLogsInRefreshesAndRevokesAtItsHomeCellFromAnotherRegion() throws Exception {
        AuthorizationServerMetadata metadata = AuthorizationServerMetadata.resolve(new Issuer(platform.router().toString()));
        String email = "standard-" + UUID.randomUUID() + "@example.test";
        HttpResponse<String> signUp = signUp(email, "us-east-1");
        assertThat(signUp.statusCode()).isEqualTo(201);
        assertThat(signUp.headers().firstValue("X-Atoll-Cell")).contains("us-east-1");

        HTTPResponse login = fromEurope(new TokenRequest(metadata.getTokenEndpointURI(),
                new ResourceOwnerPasswordCredentialsGrant(email, new Secret(PASSWORD)), new Scope("app")).toHTTPRequest());
        Tokens signedIn = tokens(login);
        assertThat(login.getHeaderValue("X-Atoll-Cell")).isEqualTo("us-east-1");
        assertThat(login.getHeaderValue("X-Atoll-Route-Reason")).isEqualTo("home");

        HTTPResponse refresh = fromEurope(new TokenRequest(metadata.getTokenEndpointURI(), new RefreshTokenGrant(signedIn.getRefreshToken()))
                .toHTTPRequest());
        Tokens refreshed = tokens(refresh);
        assertThat(refresh.getHeaderValue("X-Atoll-Cell")).isEqualTo("us-east-1");

        HTTPResponse revoke = fromEurope(new TokenRevocationRequest(metadata.getRevocationEndpointURI(), new ClientID("mobile"),
                refreshed.getRefreshToken()).toHTTPRequest());
        assertThat(revoke.getStatusCode()).isEqualTo(200);
        assertThat(revoke.getHeaderValue("X-Atoll-Cell")).isEqualTo("us-east-1");
        TokenResponse afterRevoke = TokenResponse.parse(fromEurope(new TokenRequest(metadata.getTokenEndpointURI(),
                new RefreshTokenGrant(refreshed.getRefreshToken())).toHTTPRequest()));
        assertThat(afterRevoke.indicatesSuccess()).isFalse();
        assertThat(afterRevoke.toErrorResponse().getErrorObject().getCode()).as("the home cell knows the token, revoked").isEqualTo("invalid_grant");

        HttpResponse<String> again = signUp(email, "eu-west-1");
        assertThat(again.statusCode()).as("the same address, signing up from the other region").isEqualTo(409);
        assertThat(again.headers().firstValue("X-Atoll-Cell")).contains("us-east-1");
    }

    @Test
    @Order(0)
    void signUpsOfOneAddressRacingInBothRegionsMakeExactlyOneAccount() throws Exception {
        ExecutorService racers = Executors.newFixedThreadPool(2);
        try {
            for (int race = 0; race < 5; race++) {
                String email = "racing-" + UUID.randomUUID() + "@example.test";
                CyclicBarrier start = new CyclicBarrier(2);
                List<Future<HttpResponse<String>>> answers = new ArrayList<>();
                for (String region : List.of("eu-west-1", "us-east-1")) {
                    answers.add(racers.submit(() -> {
                        start.await();
                        return signUp(email, region);
                    }));
                }
                List<HttpResponse<String>> responses = new ArrayList<>();
                for (Future<HttpResponse<String>> answer : answers) {
                    responses.add(answer.get(30, TimeUnit.SECONDS));
                }

                assertThat(responses).extracting(HttpResponse::statusCode).as("race %d", race).containsExactlyInAnyOrder(201, 409);
                String home = responses.get(0).headers().firstValue("X-Atoll-Cell").orElseThrow();
                assertThat(responses.get(1).headers().firstValue("X-Atoll-Cell")).as("race %d", race).contains(home);
                for (String region : List.of("eu-west-1", "us-east-1")) {
                    HttpResponse<String> login = HTTP.send(HttpRequest.newBuilder(platform.ingress(region).resolve("/oauth/token"))
                            .header("Content-Type", "application/x-www-form-urlencoded")
                            .POST(HttpRequest.BodyPublishers.ofString("grant_type=password&username=" + URLEncoder.encode(email, StandardCharsets.UTF_8)
                                    + "&password=" + URLEncoder.encode(PASSWORD, StandardCharsets.UTF_8))).build(), HttpResponse.BodyHandlers.ofString());
                    assertThat(login.statusCode()).as("race %d: a login at %s's own ingress", race, region).isEqualTo(region.equals(home) ? 200 : 400);
                }
            }
        } finally {
            racers.shutdownNow();
        }
    }

    @Test
    @Order(0)
    void internalPathsAreNotFoundThroughTheRouterNorAnIngressAndTheManagementPortsServeThem() throws Exception {
        List<String> internal = List.of("/prometheus", "/health", "/health/readiness/upstream", "/admin/cells", "/storage/v1/items",
                "/storage/v1/members/x/orders", "/beans");
        List<URI> publicPorts = List.of(platform.router(), platform.ingress("eu-west-1"), platform.ingress("us-east-1"));
        for (URI base : publicPorts) {
            for (String path : internal) {
                assertThat(status(base.resolve(path))).as(base.resolve(path).toString()).isEqualTo(404);
            }
        }

        for (String region : List.of("eu-west-1", "us-east-1")) {
            CellServices cell = platform.cell(region);
            for (Endpoint management : List.of(cell.ingressManagement(), cell.storageManagement(), cell.workersManagement())) {
                assertThat(status(URI.create("http://" + management + "/prometheus"))).as(management + "/prometheus").isEqualTo(200);
                HttpResponse<String> health = HTTP.send(HttpRequest.newBuilder(URI.create("http://" + management + "/health")).build(),
                        HttpResponse.BodyHandlers.ofString());
                assertThat(health.body()).as(management + "/health, with what stands behind its status").contains("\"details\"");
            }
        }
        assertThat(status(platform.routerAdmin().resolve("/prometheus"))).isEqualTo(200);
        HttpResponse<String> probe = HTTP.send(HttpRequest.newBuilder(platform.router().resolve("/health/readiness")).build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(probe.body()).as("a cell's readiness through the router: the bare status").isEqualTo("{\"status\":\"UP\"}");
    }

    @Test
    @Order(1)
    void aMemberIsPlacedInTheNearestCellAndStaysThere() throws Exception {
        MobileClient european = member("eu-west-1");
        MobileClient american = member("us-east-1");

        MobileClient.Exchange europeanSignUp = european.signUp(PASSWORD);
        MobileClient.Exchange americanSignUp = american.signUp(PASSWORD);

        assertThat(europeanSignUp.status()).isEqualTo(201);
        assertThat(europeanSignUp.cell()).isEqualTo("eu-west-1");
        assertThat(americanSignUp.cell()).isEqualTo("us-east-1");
        MobileClient.Exchange login = american.logIn(PASSWORD);
        assertThat(login.cell()).as("login finds the home cell from the account header").isEqualTo("us-east-1");

        MobileClient travelling = new MobileClient(HTTP, platform.router(), "unused@example.test", "eu-west-1");
        String token = login.body().path("access_token").asText();
        MobileClient.Exchange devices = travelling.get(token, "/v1/devices");
        assertThat(devices.status()).isEqualTo(200);
        assertThat(devices.cell()).as("a placed member stays home though another cell is nearer").isEqualTo("us-east-1");
    }

    @Test
    @Order(2)
    void rttHintsOverrideTheClientRegion() throws Exception {
        String email = "hinted-" + UUID.randomUUID() + "@example.test";
        HttpResponse<String> signUp = HTTP.send(HttpRequest.newBuilder(platform.router().resolve("/v1/accounts"))
                .header("Content-Type", "application/json").header("X-Atoll-Account", email)
                .header("X-Client-Region", "eu-west-1").header("X-Atoll-Rtt", "eu-west-1=180,us-east-1=20")
                .POST(HttpRequest.BodyPublishers.ofString("{\"email\":\"" + email + "\",\"password\":\"" + PASSWORD + "\"}")).build(),
                HttpResponse.BodyHandlers.ofString());

        assertThat(signUp.statusCode()).isEqualTo(201);
        assertThat(signUp.headers().firstValue("X-Atoll-Cell")).contains("us-east-1");
    }

    @Test
    @Order(3)
    void drainMovesAllTrafficOffACellWithinSecondsAndUndrainBringsItBack() throws Exception {
        MobileClient member = member("eu-west-1");
        member.signUp(PASSWORD);
        String token = member.logIn(PASSWORD).body().path("access_token").asText();
        assertThat(member.get(token, "/v1/devices").cell()).isEqualTo("eu-west-1");

        assertThat(admin("/admin/cells/eu-west-1/drain").statusCode()).isEqualTo(200);
        MobileClient.Exchange drained = until(() -> member.get(token, "/v1/devices"), exchange -> "us-east-1".equals(exchange.cell()), Duration.ofSeconds(5));
        assertThat(drained.cell()).as("served elsewhere within 5 s of the drain").isEqualTo("us-east-1");
        assertThat(drained.status()).as("the other cell accepts the member's token").isEqualTo(200);

        assertThat(admin("/admin/cells/eu-west-1/undrain").statusCode()).isEqualTo(200);
        MobileClient.Exchange back = until(() -> member.get(token, "/v1/devices"), exchange -> "eu-west-1".equals(exchange.cell()), Duration.ofSeconds(5));
        assertThat(back.cell()).as("home again after undrain").isEqualTo("eu-west-1");
    }

    @Test
    @Order(4)
    void whenACellDiesUnderLoadItsMembersAreServedByTheOtherWithTheirData() throws Exception {
        List<Member> members = new ArrayList<>();
        for (int i = 0; i < 6; i++) {
            members.add(Member.onboard(member("eu-west-1")));
        }
        AtomicLong sent = new AtomicLong();
        AtomicLong failed = new AtomicLong();
        Map<String, Long> failures = new ConcurrentHashMap<>();
        AtomicLong firstFailover = new AtomicLong();
        long[] killedAt = new long[1];
        ExecutorService load = Executors.newFixedThreadPool(members.size());
        long deadline = System.nanoTime() + Duration.ofSeconds(20).toNanos();
        List<Future<?>> running = new ArrayList<>();
        for (Member member : members) {
            running.add(load.submit(() -> {
                while (System.nanoTime() < deadline) {
                    MobileClient.Exchange answer = member.readDevice();
                    sent.incrementAndGet();
                    if (!answer.ok()) {
                        failed.incrementAndGet();
                        failures.merge((answer.status() == 0 ? "connection lost" : "status " + answer.status()) + " from " + answer.cell(),
                                1L, Long::sum);
                    } else if ("us-east-1".equals(answer.cell()) && killedAt[0] != 0) {
                        firstFailover.compareAndSet(0, System.nanoTime());
                    }
                    LockSupport.parkNanos(Duration.ofMillis(20).toNanos());
                }
                return null;
            }));
        }
        LockSupport.parkNanos(Duration.ofSeconds(3).toNanos());
        killedAt[0] = System.nanoTime();
        for (OwnedProcess process : new StateFile(platform.settings().stateDir()).all()) {
            if (process.component().startsWith("eu-west-1/")) {
                process.live().ifPresent(ProcessHandle::destroyForcibly);
            }
        }
        for (Future<?> future : running) {
            future.get(60, TimeUnit.SECONDS);
        }
        load.shutdown();

        assertThat(firstFailover.get()).as("a member of the dead cell was served by the other").isNotZero();
        Duration toFailover = Duration.ofNanos(firstFailover.get() - killedAt[0]);
        double failedShare = (double) failed.get() / sent.get();
        Files.writeString(Path.of("target/failover.txt"), "kill to first failover response: " + toFailover.toMillis() + " ms\n"
                + "requests: " + sent.get() + ", failed: " + failed.get() + String.format(" (%.2f%%)", failedShare * 100)
                + (failures.isEmpty() ? "" : " " + failures) + "\n");
        assertThat(toFailover).isLessThan(Duration.ofSeconds(15));
        assertThat(failedShare).as("failed share of the reads, %s", failures).isLessThan(0.005);
        for (Member member : members) {
            MobileClient.Exchange device = member.readDevice();
            assertThat(device.status()).as("the member's device, replicated to the other cell").isEqualTo(200);
            assertThat(device.cell()).isEqualTo("us-east-1");
        }
        platform.platform().up((component, message) -> { });
    }

    /** A sign-up as the mobile app sends it, from a phone in this region. */
    private static HttpResponse<String> signUp(String email, String region) throws IOException, InterruptedException {
        return HTTP.send(HttpRequest.newBuilder(platform.router().resolve("/v1/accounts")).header("Content-Type", "application/json")
                .header("X-Client-Region", region)
                .POST(HttpRequest.BodyPublishers.ofString("{\"email\":\"" + email + "\",\"password\":\"" + PASSWORD + "\"}")).build(),
                HttpResponse.BodyHandlers.ofString());
    }

    private static HTTPResponse fromEurope(HTTPRequest request) throws IOException {
        request.setHeader("X-Client-Region", "eu-west-1");
        return request.send();
    }

    private static Tokens tokens(HTTPResponse response) throws Exception {
        TokenResponse parsed = TokenResponse.parse(response);
        assertThat(parsed.indicatesSuccess()).as(() -> parsed.toErrorResponse().getErrorObject().toString()).isTrue();
        return ((AccessTokenResponse) parsed).getTokens();
    }

    private static int status(URI uri) throws IOException, InterruptedException {
        return HTTP.send(HttpRequest.newBuilder(uri).timeout(Duration.ofSeconds(10)).build(), HttpResponse.BodyHandlers.discarding()).statusCode();
    }

    private static MobileClient member(String region) {
        return new MobileClient(HTTP, platform.router(), "routed-" + UUID.randomUUID() + "@example.test", region);
    }

    private static HttpResponse<String> admin(String path) throws Exception {
        String token = Files.readString(platform.settings().stateDir().resolve(RouterServices.ADMIN_TOKEN_FILE)).strip();
        return HTTP.send(HttpRequest.newBuilder(platform.routerAdmin().resolve(path)).header("Authorization", "Bearer " + token)
                .POST(HttpRequest.BodyPublishers.noBody()).build(), HttpResponse.BodyHandlers.ofString());
    }

    @FunctionalInterface
    interface Call {
        MobileClient.Exchange send() throws IOException;
    }

    /** Calls until the answer satisfies {@code done} or {@code within} has passed; returns the last answer. */
    private static MobileClient.Exchange until(Call call, Predicate<MobileClient.Exchange> done, Duration within)
            throws IOException {
        long deadline = System.nanoTime() + within.toNanos();
        MobileClient.Exchange exchange;
        while (!done.test(exchange = call.send()) && System.nanoTime() < deadline) {
            LockSupport.parkNanos(Duration.ofMillis(50).toNanos());
        }
        return exchange;
    }

    /** A member of the eu-west-1 cell with a registered phone. */
    private record Member(MobileClient client, String token, String device) {
        static Member onboard(MobileClient client) throws IOException {
            client.signUp(PASSWORD);
            String token = client.logIn(PASSWORD).body().path("access_token").asText();
            String device = client.registerDevice(token, "phone", "android").body().path("id").asText();
            return new Member(client, token, device);
        }

        MobileClient.Exchange readDevice() {
            try {
                return client.get(token, "/v1/devices/" + device);
            } catch (IOException e) {
                return new MobileClient.Exchange(0, null, "none", Duration.ZERO);
            }
        }
    }
}
