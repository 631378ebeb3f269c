package io.atoll.devstack.server.trino;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.atoll.devstack.server.Endpoint;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class TrinoConfigTest {
    @TempDir
    Path home;

    private TrinoSettings settings(List<TrinoCatalog> catalogs) {
        return new TrinoSettings(Endpoint.loopback(8090), 8443, home, 2048, catalogs);
    }

    @Test
    void peopleLogInWithAPasswordOverHttpsAndTheRulesAreReadAgainEverySecond() throws Exception {
        TrinoConfig.write(settings(List.of()), Path.of("/opt/trino"), "store-secret", "shared-secret");

        String config = Files.readString(home.resolve("etc/config.properties"));
        assertThat(config).contains("http-server.http.port=8090\n", "http-server.https.enabled=true\n", "http-server.https.port=8443\n",
                "http-server.authentication.type=PASSWORD\n", "http-server.https.keystore.key=store-secret\n",
                "internal-communication.shared-secret=shared-secret\n", "discovery.uri=http://127.0.0.1:8090\n",
                "plugin.dir=/opt/trino/plugin\n", "query.max-memory-per-node=512MB\n");
        assertThat(Files.readString(home.resolve("etc/access-control.properties")))
                .contains("access-control.name=file\n", "security.config-file=" + home.resolve("etc/rules.json"), "security.refresh-period=1s\n");
        assertThat(Files.readString(home.resolve("etc/password-authenticator.properties")))
                .contains("password-authenticator.name=file\n", "file.password-file=" + home.resolve("etc/password.db"));
        assertThat(Files.readString(home.resolve("etc/group-provider.properties")))
                .contains("group-provider.name=file\n", "file.group-file=" + home.resolve("etc/group.txt"));
    }

    @Test
    void everyStartWritesTheConfiguredCatalogsAndDropsTheOthers() throws Exception {
        Files.createDirectories(home.resolve("etc/catalog"));
        Files.writeString(home.resolve("etc/catalog/core_test_old.properties"), "connector.name=postgresql\n");
        TrinoCatalog eu = new TrinoCatalog("core_eu_west_1", "jdbc:postgresql://127.0.0.1:5433/core_eu_west_1", "trino", "secret");

        TrinoConfig.write(settings(List.of(eu)), Path.of("/opt/trino"), "s", "t");

        try (var files = Files.list(home.resolve("etc/catalog"))) {
            assertThat(files.map(file -> file.getFileName().toString())).containsExactly("core_eu_west_1.properties");
        }
        assertThat(Files.readString(home.resolve("etc/catalog/core_eu_west_1.properties"))).startsWith("""
                connector.name=postgresql
                connection-url=jdbc:postgresql://127.0.0.1:5433/core_eu_west_1
                connection-user=trino
                connection-password=secret
                """).contains("decimal-mapping=allow_overflow\n");
    }

    @Test
    void theNodeListensOnItsHostOnlyWithTheHeapItIsGiven() {
        assertThat(TrinoConfig.jvmArguments(settings(List.of()))).contains("-Xmx2048m", "-Dnode.bind-ip=127.0.0.1",
                "-Dnode.internal-address=127.0.0.1", "-Dnode.data-dir=" + home.resolve("data"), "-Dconfig=" + home.resolve("etc/config.properties"));
    }

    @Test
    void theOperatorComesFirstInEverySectionAndTheCompiledRulesFollowUnchanged() throws Exception {
        String compiled = """
                {"catalogs": [{"group": "sales", "catalog": "core_eu_west_1", "allow": "read-only"}],
                 "tables": [{"group": "sales", "schema": "sales", "table": "items", "privileges": ["SELECT"]}]}
                """;

        JsonNode rules = new ObjectMapper().readTree(TrinoConfig.rules(compiled, "atoll"));

        assertThat(rules.get("catalogs")).hasSize(2);
        assertThat(rules.get("catalogs").get(0).get("user").asText()).isEqualTo("atoll");
        assertThat(rules.get("catalogs").get(0).get("allow").asText()).isEqualTo("owner");
        assertThat(rules.get("catalogs").get(1).get("group").asText()).isEqualTo("sales");
        assertThat(rules.get("schemas")).hasSize(1);
        assertThat(rules.get("tables").get(1).get("table").asText()).isEqualTo("items");
    }

    @Test
    void rulesThatAreNotAnObjectOfListsAreRefusedInOneLine() {
        assertThatThrownBy(() -> TrinoConfig.rules("[]", "atoll")).hasMessage("Trino's rules are not a JSON object");
        assertThatThrownBy(() -> TrinoConfig.rules("{\"tables\": {}}", "atoll")).hasMessage("Trino's rules: 'tables' is not a list");
    }

    @Test
    void badSettingsAreRefusedInOneLine() {
        assertThatThrownBy(() -> new TrinoSettings(Endpoint.loopback(8090), 8090, home, 2048, List.of()))
                .hasMessage("HTTPS port 8090 is not a port other than HTTP's 8090");
        assertThatThrownBy(() -> new TrinoSettings(Endpoint.loopback(8090), 8443, home, 256, List.of()))
                .hasMessage("a Trino heap of 256 MB is too small: give it 512 MB or more");
        assertThatThrownBy(() -> new TrinoCatalog("core-eu", "jdbc:postgresql://127.0.0.1/core", "u", "p"))
                .hasMessage("catalog 'core-eu' is not a lower-case Trino name");
        assertThatThrownBy(() -> new TrinoCatalog("core_eu", "jdbc:mysql://127.0.0.1/core", "u", "p"))
                .hasMessage("catalog core_eu: 'jdbc:mysql://127.0.0.1/core' is not a PostgreSQL JDBC URL");
    }
}
