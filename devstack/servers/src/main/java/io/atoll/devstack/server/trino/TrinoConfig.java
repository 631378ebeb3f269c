package io.atoll.devstack.server.trino;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import java.io.IOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Writes the {@code etc/} folder the Trino runs with: one coordinator that is also its only worker, HTTPS with the
 * generated keystore, passwords and groups from files, the file-based access rules, and a PostgreSQL catalog per
 * configured database. Catalogs are dynamic (kept as files in {@code etc/catalog}), so a test can add its own
 * database's without a restart; every start writes the configured ones afresh and drops the rest.
 */
final class TrinoConfig {
    /** How soon Trino sees a changed rules, password or group file. */
    static final String REFRESH_PERIOD = "1s";
    private static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

    private TrinoConfig() {
    }

    /** Writes every file but the rules, the logins and the keystore, which have their own writers. */
    static void write(TrinoSettings settings, Path server, String keystorePassword, String sharedSecret) throws IOException {
        Path etc = Files.createDirectories(settings.home().resolve("etc"));
        Files.writeString(etc.resolve("config.properties"), configProperties(settings, server, keystorePassword, sharedSecret));
        Files.writeString(etc.resolve("access-control.properties"), """
                access-control.name=file
                security.config-file=%s
                security.refresh-period=%s
                """.formatted(etc.resolve(TrinoServer.RULES_FILE), REFRESH_PERIOD));
        Files.writeString(etc.resolve("password-authenticator.properties"), """
                password-authenticator.name=file
                file.password-file=%s
                file.refresh-period=%s
                """.formatted(etc.resolve(TrinoLogins.PASSWORD_FILE), REFRESH_PERIOD));
        // Trino reads these two from etc/ under its working directory only, whatever config.properties says.
        Files.writeString(etc.resolve("group-provider.properties"), """
                group-provider.name=file
                file.group-file=%s
                file.refresh-period=%s
                """.formatted(etc.resolve(TrinoLogins.GROUP_FILE), REFRESH_PERIOD));
        Files.writeString(etc.resolve("catalog-store.properties"), "catalog.config-dir=" + etc.resolve("catalog") + "\n");
        Files.writeString(etc.resolve("log.properties"), "io.trino=INFO\n");
        Path catalogs = Files.createDirectories(etc.resolve("catalog"));
        try (DirectoryStream<Path> old = Files.newDirectoryStream(catalogs, "*.properties")) {
            for (Path file : old) {
                Files.delete(file);
            }
        }
        for (TrinoCatalog catalog : settings.catalogs()) {
            Files.writeString(catalogs.resolve(catalog.name() + ".properties"), catalogProperties(catalog));
        }
    }

    static String configProperties(TrinoSettings settings, Path server, String keystorePassword, String sharedSecret) {
        Path etc = settings.home().resolve("etc");
        int queryMemory = settings.heapMegabytes() / 4;
        return """
                coordinator=true
                node-scheduler.include-coordinator=true
                discovery.uri=http://%1$s:%2$d
                http-server.http.port=%2$d
                http-server.https.enabled=true
                http-server.https.port=%3$d
                http-server.https.keystore.path=%4$s
                http-server.https.keystore.key=%5$s
                # People log in with a password, over HTTPS only; the HTTP port serves the server's own traffic.
                http-server.authentication.type=PASSWORD
                internal-communication.shared-secret=%6$s
                password-authenticator.config-files=%7$s
                access-control.config-files=%8$s
                catalog.management=dynamic
                catalog.store=file
                plugin.dir=%9$s
                query.max-memory=%10$dMB
                query.max-memory-per-node=%10$dMB
                """.formatted(settings.http().host(), settings.http().port(), settings.httpsPort(), etc.resolve(TrinoServer.KEYSTORE_FILE),
                keystorePassword, sharedSecret, etc.resolve("password-authenticator.properties"), etc.resolve("access-control.properties"),
                server.resolve("plugin"), queryMemory);
    }

    static String catalogProperties(TrinoCatalog catalog) {
        StringBuilder text = new StringBuilder("connector.name=").append(TrinoCatalog.connector()).append('\n');
        catalog.properties().forEach((name, value) -> text.append(name).append('=').append(value).append('\n'));
        return text.toString();
    }

    /** The node's own settings, which Trino takes as system properties, and the JVM's. */
    static List<String> jvmArguments(TrinoSettings settings) {
        return List.of("-Xmx" + settings.heapMegabytes() + "m", "-Xss1m", "-XX:+UseG1GC", "-XX:+ExitOnOutOfMemoryError",
                "-XX:-OmitStackTraceInFastThrow", "-XX:ReservedCodeCacheSize=256M", "-XX:+EnableDynamicAgentLoading",
                "-Djdk.attach.allowAttachSelf=true", "--enable-native-access=ALL-UNNAMED", "-Dfile.encoding=UTF-8",
                "-Dnode.environment=atoll",
                "-Dnode.id=atoll-" + settings.http().port(),
                "-Dnode.data-dir=" + settings.home().resolve("data"),
                "-Dnode.bind-ip=" + settings.http().host(),
                "-Dnode.internal-address=" + settings.http().host(),
                "-Dconfig=" + settings.home().resolve("etc/config.properties"),
                "-Dlog.levels-file=" + settings.home().resolve("etc/log.properties"));
    }

    /**
     * The compiled rules with the operator's first: the platform's own login may do everything (it probes, and makes
     * the tests' catalogs); every other rule is as compiled.
     */
    static String rules(String compiled, String operator) throws IOException {
        JsonNode parsed = JSON.readTree(compiled);
        if (parsed == null || !parsed.isObject()) {
            throw new IllegalArgumentException("Trino's rules are not a JSON object");
        }
        ObjectNode rules = (ObjectNode) parsed;
        prepend(rules, "catalogs", Map.of("user", operator, "allow", "owner"));
        prepend(rules, "schemas", Map.of("user", operator, "owner", true));
        prepend(rules, "tables", Map.of("user", operator,
                "privileges", List.of("SELECT", "INSERT", "DELETE", "UPDATE", "OWNERSHIP", "GRANT_SELECT")));
        return JSON.writeValueAsString(rules) + "\n";
    }

    private static void prepend(ObjectNode rules, String section, Map<String, Object> rule) {
        JsonNode existing = rules.path(section);
        if (!existing.isMissingNode() && !existing.isArray()) {
            throw new IllegalArgumentException("Trino's rules: '" + section + "' is not a list");
        }
        ArrayNode merged = JSON.createArrayNode();
        merged.add(JSON.valueToTree(new TreeMap<>(rule)));
        existing.forEach(merged::add);
        rules.set(section, merged);
    }
}
