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

import java.net.http.HttpResponse;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/** New members are placed in the nearest cell and stay there; bearer tokens route by their home_cell claim. */
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

    private static String newEmail() {
        return "member-" + UUID.randomUUID() + "@example.org";
    }
}
