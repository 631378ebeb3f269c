package io.atoll.router;

import io.atoll.router.domain.AccountKey;
import io.atoll.router.proxy.DataPlaneServer;
import io.atoll.testing.PostgresDatabase;
import io.atoll.testing.TestServers;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import io.micronaut.test.support.TestPropertyProvider;
import jakarta.inject.Inject;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.net.Socket;
import java.net.URLEncoder;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * New members are placed in the nearest cell and stay there; credential requests find the home from their bodies (or
 * the optional account header), bearer tokens by their home_cell claim; one address makes one account, wherever it
 * signs up.
 */
@MicronautTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class PlacementIT implements TestPropertyProvider {
    private final StandInCell eu = new StandInCell("eu-west-1");
    private final StandInCell us = new StandInCell("us-east-1");
    private final PostgresDatabase database = TestServers.postgres().createDatabase("router");
    private final RegistryFileWriter registry = RegistryFileWriter.inTemporaryFolder()
            .write(List.of(RegistryFileWriter.entry(eu), RegistryFileWriter.entry(us)));
    private final TestTokens tokens = new TestTokens("eu-west-1");
    @Inject
    DataPlaneServer dataPlane;
    private RouterClient client;

    @Override
    public Map<String, String> getProperties() {
        return RouterTestProperties.of(database, registry.file());
    }

    @BeforeAll
    void openClient() {
        client = new RouterClient(dataPlane.port());
    }

    @AfterAll
    void stopCells() {
        eu.close();
        us.close();
        database.close();
    }

    @Test
    void memberSigningUpInEuropeIsPlacedAndServedInEurope() throws SQLException {
        String email = newEmail();

        HttpResponse<String> signUp = signUp(email, "X-Client-Region", "eu-west-1");

        assertThat(signUp.statusCode()).isEqualTo(201);
        assertThat(RouterClient.cell(signUp)).isEqualTo("eu-west-1");
        assertThat(RouterClient.reason(signUp)).isEqualTo("nearest-client-region");
        assertThat(signUp.headers().firstValue(StandInCell.ANSWERED_BY)).contains("eu-west-1");
        await().atMost(Duration.ofSeconds(5)).until(() -> storedPlacement(email).isPresent());
        assertThat(storedPlacement(email)).contains("eu-west-1");

        HttpResponse<String> token = token(email, "X-Client-Region", "eu-west-1");
        assertThat(token.body()).isEqualTo("eu-west-1");
        assertThat(RouterClient.reason(token)).isEqualTo("home");
    }

    @Test
    void memberSigningUpInUsEastIsPlacedAndServedThere() throws SQLException {
        String email = newEmail();

        HttpResponse<String> signUp = signUp(email, "X-Client-Region", "us-east-1");

        assertThat(signUp.statusCode()).isEqualTo(201);
        assertThat(RouterClient.cell(signUp)).isEqualTo("us-east-1");
        await().atMost(Duration.ofSeconds(5)).until(() -> storedPlacement(email).isPresent());
        assertThat(storedPlacement(email)).contains("us-east-1");
        assertThat(token(email).body()).isEqualTo("us-east-1");
    }

    @Test
    void roundTripHintsOverrideTheClientRegion() {
        HttpResponse<String> signUp = signUp(newEmail(), "X-Client-Region", "eu-west-1", "X-Atoll-Rtt", "eu-west-1=140,us-east-1=12");

        assertThat(RouterClient.cell(signUp)).isEqualTo("us-east-1");
        assertThat(RouterClient.reason(signUp)).isEqualTo("nearest-rtt-hint");
    }

    @Test
    void placedMemberStaysHomeWhenAnotherCellIsNearer() {
        String email = newEmail();
        signUp(email, "X-Client-Region", "eu-west-1");

        HttpResponse<String> fromAmerica = token(email, "X-Client-Region", "us-east-1", "X-Atoll-Rtt", "us-east-1=4,eu-west-1=95");
        HttpResponse<String> revoke = client.post("/oauth/revoke", "token=x", "X-Atoll-Account", email, "X-Client-Region", "us-east-1");

        assertThat(RouterClient.cell(fromAmerica)).isEqualTo("eu-west-1");
        assertThat(RouterClient.reason(fromAmerica)).isEqualTo("home");
        assertThat(RouterClient.cell(revoke)).isEqualTo("eu-west-1");
    }

    @Test
    void signingUpAgainGoesToTheCellThatHasTheAccount() {
        String email = newEmail();
        signUp(email, "X-Client-Region", "eu-west-1");

        HttpResponse<String> again = signUp(email.toUpperCase(), "X-Client-Region", "us-east-1");

        assertThat(RouterClient.cell(again)).isEqualTo("eu-west-1");
        assertThat(RouterClient.reason(again)).isEqualTo("home");
    }

    @Test
    void placementWrittenByAnotherRouterIsFoundInTheDatabase() throws SQLException {
        String email = newEmail();
        try (Connection connection = database();
             PreparedStatement insert = connection.prepareStatement("INSERT INTO placement (account_key, cell_id) VALUES (?, ?)")) {
            insert.setString(1, AccountKey.of(email).orElseThrow().value());
            insert.setString(2, "us-east-1");
            insert.executeUpdate();
        }

        HttpResponse<String> token = token(email, "X-Client-Region", "eu-west-1");

        assertThat(RouterClient.cell(token)).isEqualTo("us-east-1");
        assertThat(RouterClient.reason(token)).isEqualTo("home");
    }

    @Test
    void credentialsOfAMemberGoHomeEvenWhileTheHomeIsNotReady() {
        String email = newEmail();
        signUp(email, "X-Client-Region", "eu-west-1");
        eu.ready(false);
        try {
            await().atMost(Duration.ofSeconds(5)).until(() -> RouterClient.cell(client.get("/v1/feed", "Authorization",
                    "Bearer " + tokens.member("eu-west-1"))).equals("us-east-1"));

            HttpResponse<String> login = token(email, "X-Client-Region", "eu-west-1");
            HttpResponse<String> signUpAgain = signUp(email, "X-Client-Region", "us-east-1");

            assertThat(login.body()).isEqualTo("eu-west-1");
            assertThat(RouterClient.reason(login)).isEqualTo("home");
            assertThat(RouterClient.cell(signUpAgain)).isEqualTo("eu-west-1");
        } finally {
            eu.ready(true);
            await().atMost(Duration.ofSeconds(5)).until(() -> RouterClient.cell(client.get("/v1/feed", "Authorization",
                    "Bearer " + tokens.member("eu-west-1"))).equals("eu-west-1"));
        }
    }

    @Test
    void aStandardClientsCredentialRequestsFindTheHomeCellFromTheirBodies() {
        String email = newEmail();
        HttpResponse<String> signUp = client.post("/v1/accounts", signUpBody(email), "Content-Type", "application/json", "X-Client-Region", "us-east-1");
        assertThat(signUp.statusCode()).isEqualTo(201);
        assertThat(RouterClient.cell(signUp)).isEqualTo("us-east-1");

        String[] inEurope = {"Content-Type", "application/x-www-form-urlencoded", "X-Client-Region", "eu-west-1"};
        HttpResponse<String> login = client.post("/oauth/token", "grant_type=password&username=" + encoded(email.toUpperCase()) + "&password=secret",
                inEurope);
        HttpResponse<String> refresh = client.post("/oauth/token", "grant_type=refresh_token&refresh_token=us-east-1.Zm9vYmFy", inEurope);
        HttpResponse<String> revokeRefresh = client.post("/oauth/revoke", "token=us-east-1.Zm9vYmFy&token_type_hint=refresh_token", inEurope);
        HttpResponse<String> revokeAccess = client.post("/oauth/revoke", "token=" + tokens.member("us-east-1"), inEurope);
        HttpResponse<String> clientCredentials = client.post("/oauth/token", "grant_type=client_credentials", inEurope);

        assertThat(List.of(login, refresh, revokeRefresh, revokeAccess)).allSatisfy(response -> {
            assertThat(response.body()).isEqualTo("us-east-1");
            assertThat(RouterClient.reason(response)).isEqualTo("home");
        });
        assertThat(RouterClient.cell(clientCredentials)).as("a service client names no member").isEqualTo("eu-west-1");
        assertThat(RouterClient.reason(clientCredentials)).isEqualTo("nearest-client-region");
    }

    @Test
    void anAddressSigningUpAgainFromAnotherRegionMeetsItsAccountAndGets409() {
        String email = newEmail();
        client.post("/v1/accounts", signUpBody(email), "X-Client-Region", "us-east-1");

        HttpResponse<String> again = client.post("/v1/accounts", signUpBody(email.toUpperCase()), "X-Client-Region", "eu-west-1");

        assertThat(again.statusCode()).isEqualTo(409);
        assertThat(RouterClient.cell(again)).isEqualTo("us-east-1");
        assertThat(RouterClient.reason(again)).isEqualTo("home");
    }

    @Test
    void signUpsOfOneAddressRacingInTwoRegionsMeetInOneCell() throws Exception {
        ExecutorService racers = Executors.newFixedThreadPool(2);
        try {
            for (int race = 0; race < 20; race++) {
                String email = newEmail();
                CyclicBarrier start = new CyclicBarrier(2);
                List<Future<HttpResponse<String>>> answers = new ArrayList<>();
                for (String region : List.of("eu-west-1", "us-east-1")) {
                    answers.add(racers.submit(() -> {
                        start.await();
                        return client.post("/v1/accounts", signUpBody(email), "X-Client-Region", region);
                    }));
                }
                List<HttpResponse<String>> responses = new ArrayList<>();
                for (Future<HttpResponse<String>> answer : answers) {
                    responses.add(answer.get(10, TimeUnit.SECONDS));
                }

                assertThat(responses).extracting(RouterClient::cell).as("race %d", race).containsOnly(RouterClient.cell(responses.get(0)));
                assertThat(responses).extracting(HttpResponse::statusCode).as("race %d", race).containsExactlyInAnyOrder(201, 409);
            }
        } finally {
            racers.shutdownNow();
        }
    }

    @Test
    void aSignUpTheCellRefusesReleasesItsAddress() throws SQLException {
        String email = newEmail();
        HttpResponse<String> refused = client.post("/v1/accounts", "{\"email\":\"" + email + "\"}", "X-Client-Region", "eu-west-1");
        assertThat(refused.statusCode()).isEqualTo(400);
        assertThat(RouterClient.cell(refused)).isEqualTo("eu-west-1");
        await().atMost(Duration.ofSeconds(5)).until(() -> storedPlacement(email).isEmpty());

        HttpResponse<String> fromAmerica = client.post("/v1/accounts", signUpBody(email), "X-Client-Region", "us-east-1");

        assertThat(fromAmerica.statusCode()).isEqualTo(201);
        assertThat(RouterClient.cell(fromAmerica)).isEqualTo("us-east-1");
        await().atMost(Duration.ofSeconds(5)).until(() -> storedPlacement(email).equals(Optional.of("us-east-1")));
    }

    @Test
    void aSignUpThatCannotHoldItsAddressIsRefusedAndNoCellSeesIt() throws Exception {
        String email = newEmail();
        int reachedBefore = eu.received().size() + us.received().size();
        try (Connection lock = database()) {
            lock.setAutoCommit(false);
            try (Statement statement = lock.createStatement()) {
                statement.execute("LOCK TABLE placement IN ACCESS EXCLUSIVE MODE");
            }

            HttpResponse<String> signUp = client.post("/v1/accounts", signUpBody(email), "X-Client-Region", "eu-west-1");

            assertThat(signUp.statusCode()).isEqualTo(503);
            assertThat(signUp.headers().firstValue("Retry-After")).contains("1");
            assertThat(signUp.headers().firstValue("Content-Type")).contains("application/problem+json");
            assertThat(signUp.body()).contains("the placement directory could not be reached");
            lock.rollback();
        }
        assertThat(eu.received().size() + us.received().size()).isEqualTo(reachedBefore);
        await().during(Duration.ofMillis(500)).atMost(Duration.ofSeconds(5)).until(() -> storedPlacement(email).isEmpty());
        HttpResponse<String> retried = client.post("/v1/accounts", signUpBody(email), "X-Client-Region", "us-east-1");
        assertThat(RouterClient.cell(retried)).as("no hold was left behind for the cell of the refused sign-up").isEqualTo("us-east-1");
        assertThat(retried.statusCode()).isEqualTo(201);
    }

    @Test
    void aClientExpectingAContinueGetsItFromTheRouterAndItsSignUpGoesWhereItsBodySays() throws IOException {
        String email = newEmail();
        client.post("/v1/accounts", signUpBody(email), "X-Client-Region", "us-east-1");
        byte[] body = signUpBody(email).getBytes(StandardCharsets.UTF_8);

        try (Socket socket = new Socket("127.0.0.1", dataPlane.port())) {
            socket.setSoTimeout(5000);
            OutputStream out = socket.getOutputStream();
            out.write(("POST /v1/accounts HTTP/1.1\r\nHost: router\r\nContent-Type: application/json\r\nX-Client-Region: eu-west-1\r\n"
                    + "Expect: 100-continue\r\nContent-Length: " + body.length + "\r\n\r\n").getBytes(StandardCharsets.US_ASCII));
            out.flush();
            BufferedReader in = new BufferedReader(new InputStreamReader(socket.getInputStream(), StandardCharsets.US_ASCII));
            assertThat(in.readLine()).isEqualTo("HTTP/1.1 100 Continue");
            assertThat(in.readLine()).isEmpty();

            out.write(body);
            out.flush();
            assertThat(in.readLine()).isEqualTo("HTTP/1.1 409 Conflict");
            List<String> head = new ArrayList<>();
            for (String line = in.readLine(); !line.isEmpty(); line = in.readLine()) {
                head.add(line.toLowerCase(Locale.ROOT));
            }
            assertThat(head).contains("x-atoll-cell: us-east-1");
        }
    }

    @Test
    void bearerRequestsGoToTheHomeCellOfTheirToken() {
        HttpResponse<String> euMember = client.get("/v1/feed", "Authorization", "Bearer " + tokens.member("eu-west-1"),
                "X-Client-Region", "us-east-1", "X-Atoll-Rtt", "us-east-1=3,eu-west-1=90");
        HttpResponse<String> usMember = client.get("/v1/feed", "Authorization", "Bearer " + tokens.member("us-east-1"),
                "X-Client-Region", "eu-west-1");

        assertThat(euMember.body()).isEqualTo("eu-west-1");
        assertThat(RouterClient.reason(euMember)).isEqualTo("home");
        assertThat(usMember.body()).isEqualTo("us-east-1");
        assertThat(RouterClient.reason(usMember)).isEqualTo("home");
    }

    @Test
    void requestsNamingNoMemberGoToTheNearestCell() {
        HttpResponse<String> anonymous = client.get("/v1/status");
        HttpResponse<String> unknownAccount = token(newEmail(), "X-Client-Region", "us-east-1");

        assertThat(anonymous.statusCode()).isEqualTo(200);
        assertThat(RouterClient.reason(anonymous)).isEqualTo("nearest-probe");
        assertThat(RouterClient.cell(unknownAccount)).isEqualTo("us-east-1");
        assertThat(RouterClient.reason(unknownAccount)).isEqualTo("nearest-client-region");
    }

    @Test
    void cellsSeeTheClientAddressAndTheClientsHost() {
        client.get("/v1/where", "Authorization", "Bearer " + tokens.member("eu-west-1"), "X-Forwarded-For", "203.0.113.9");

        StandInCell.Received received = eu.received().stream().filter(request -> request.path().equals("/v1/where")).findFirst().orElseThrow();
        assertThat(received.headers().get("x-forwarded-for")).isEqualTo("203.0.113.9, 127.0.0.1");
        assertThat(received.headers().get("host")).isEqualTo("127.0.0.1:" + dataPlane.port());
    }

    private HttpResponse<String> signUp(String email, String... headers) {
        return client.post("/v1/accounts", "{\"password\":\"secret\"}", withAccount(email, headers));
    }

    private HttpResponse<String> token(String email, String... headers) {
        return client.post("/oauth/token", "grant_type=password", withAccount(email, headers));
    }

    private static String[] withAccount(String email, String... headers) {
        String[] all = new String[headers.length + 2];
        all[0] = "X-Atoll-Account";
        all[1] = email;
        System.arraycopy(headers, 0, all, 2, headers.length);
        return all;
    }

    private Optional<String> storedPlacement(String email) throws SQLException {
        try (Connection connection = database();
             PreparedStatement select = connection.prepareStatement("SELECT cell_id FROM placement WHERE account_key = ?")) {
            select.setString(1, AccountKey.of(email).orElseThrow().value());
            try (ResultSet rows = select.executeQuery()) {
                return rows.next() ? Optional.of(rows.getString(1)) : Optional.empty();
            }
        }
    }

    private Connection database() throws SQLException {
        return DriverManager.getConnection(database.jdbcUrl(), database.username(), database.password());
    }

    private static String signUpBody(String email) {
        return "{\"email\":\"" + email + "\",\"password\":\"secret\"}";
    }

    private static String encoded(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }

    private static String newEmail() {
        return "member-" + UUID.randomUUID() + "@example.org";
    }
}
