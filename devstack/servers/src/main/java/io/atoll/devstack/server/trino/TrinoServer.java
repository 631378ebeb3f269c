package io.atoll.devstack.server.trino;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.atoll.devstack.process.OwnedProcess;
import io.atoll.devstack.process.Processes;
import io.atoll.devstack.server.Answer;
import io.atoll.devstack.server.Endpoint;
import io.atoll.devstack.server.JavaRuntimes;
import io.atoll.devstack.server.Progress;
import io.atoll.devstack.server.Readiness;
import io.atoll.devstack.server.Server;
import io.atoll.devstack.server.ServerClasspath;
import io.atoll.devstack.server.ServerStartException;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Supplier;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

import static java.util.Objects.requireNonNull;

/**
 * Trino, the one SQL endpoint across the cells: the server tarball from Maven Central, unpacked once into the state
 * folder with only the plugins the platform uses, run as a JVM of its own on the newest JDK here (Trino 476 needs 24
 * or later). People log in over HTTPS with a password ({@link #logins()}), with a certificate made here on first start;
 * what they may read is the access rules' business, which Trino rereads within a second of {@link #writeRules}.
 *
 * <p>The platform itself logs in as {@value #OPERATOR}, with a password made on first start and kept in the home
 * folder: to probe readiness (a query answering, not {@code /v1/info}, which says ready seconds too early) and to add
 * and drop catalogs.
 */
public final class TrinoServer implements Server {
    public static final String NAME = "trino";
    /** The platform's own Trino login. */
    public static final String OPERATOR = "atoll";
    static final String RULES_FILE = "rules.json";
    static final String KEYSTORE_FILE = "keystore.p12";
    static final String CERTIFICATE_FILE = "trino.pem";
    private static final String VERSION = "476";
    private static final int NEEDED_JDK = 24;
    /** The plugins the platform uses; the tarball's other fifty are removed when it is unpacked. */
    static final Set<String> PLUGINS = Set.of("postgresql", "geospatial", "password-authenticators");
    private static final String MAIN_CLASS = "io.trino.server.TrinoServer";
    private static final Duration PROBE_TIMEOUT = Duration.ofSeconds(2);
    /**
     * Queries fail for some seconds after {@code /v1/info} says Trino has started (its node is not yet listed), so until
     * then only a query shows it ready; afterwards {@code /v1/info} does, far more cheaply than a query, which takes
     * most of a second even on an idle machine and longer than a status may wait on a busy one.
     */
    private static final Duration SETTLED = Duration.ofSeconds(30);
    private static final Pattern AIRLIFT_DURATION = Pattern.compile("(\\d+(?:\\.\\d+)?)(ns|us|ms|s|m|h|d)");
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final HttpClient HTTP = HttpClient.newBuilder()
            .version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofMillis(500))
            .build();
    private static final SecureRandom RANDOM = new SecureRandom();

    private final TrinoSettings settings;
    private final Supplier<String> rules;

    /**
     * @param rules the file-based access rules Trino starts with (as {@code TrinoRulesCompiler} makes them); asked for
     *              only when it starts, so that a status or a stop never compiles them
     */
    public TrinoServer(TrinoSettings settings, Supplier<String> rules) {
        this.settings = requireNonNull(settings, "settings is null");
        this.rules = requireNonNull(rules, "rules is null");
    }

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public Endpoint endpoint() {
        return settings.http();
    }

    @Override
    public String portSetting() {
        return "--trino-port / ATOLL_TRINO_PORT";
    }

    public TrinoSettings settings() {
        return settings;
    }

    /** Where people connect with the Trino CLI or another client. */
    public URI httpsUrl() {
        return URI.create("https://" + settings.https());
    }

    /** trino-jdbc's URL, trusting this server's certificate. */
    public String jdbcUrl() {
        return "jdbc:trino://" + settings.https() + "?SSL=true&SSLTrustStorePath=" + certificate();
    }

    /** The server's certificate (PEM), which clients trust: it is made here, signed by no authority. */
    public Path certificate() {
        return etc().resolve(CERTIFICATE_FILE);
    }

    /** Who may log in; people are added and taken away while it runs. */
    public TrinoLogins logins() {
        return new TrinoLogins(etc());
    }

    /** Replaces the access rules; Trino applies them within {@link TrinoConfig#REFRESH_PERIOD}. */
    public void writeRules(String compiled) throws IOException {
        TrinoLogins.replace(etc().resolve(RULES_FILE), TrinoConfig.rules(compiled, OPERATOR));
    }

    /** Adds a catalog to the running server; it is gone at the next start unless the settings name it. */
    public void createCatalog(TrinoCatalog catalog) throws IOException {
        String properties = catalog.properties().entrySet().stream()
                .map(property -> "\"" + property.getKey() + "\" = '" + property.getValue().replace("'", "''") + "'")
                .collect(Collectors.joining(", "));
        operator().run("CREATE CATALOG " + catalog.name() + " USING " + TrinoCatalog.connector() + " WITH (" + properties + ")",
                Duration.ofSeconds(60));
    }

    public void dropCatalog(String name) throws IOException {
        operator().run("DROP CATALOG IF EXISTS " + TrinoCatalog.requireName(name), Duration.ofSeconds(60));
    }

    /**
     * Unauthenticated {@code /v1/info} tells a Trino from anything else and says when it is still starting; then a
     * query as the operator tells whether it serves, and whether it is this platform's Trino at all.
     */
    @Override
    public Answer probe() {
        Duration uptime;
        try {
            HttpResponse<String> info = HTTP.send(HttpRequest.newBuilder(URI.create("http://" + settings.http() + "/v1/info"))
                    .timeout(PROBE_TIMEOUT).GET().build(), HttpResponse.BodyHandlers.ofString());
            JsonNode body = info.statusCode() == 200 ? JSON.readTree(info.body()) : null;
            if (body == null || !body.has("nodeVersion")) {
                return Answer.FOREIGN;
            }
            if (body.path("starting").asBoolean(true)) {
                return Answer.STARTING;
            }
            uptime = uptime(body.path("uptime").asText(""));
        } catch (IOException e) {
            return Readiness.classify(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return Answer.SILENT;
        }
        if (!Files.isRegularFile(operatorPasswordFile()) || !Files.isRegularFile(certificate())) {
            return Answer.FOREIGN;
        }
        if (uptime.compareTo(SETTLED) > 0) {
            return Answer.READY;
        }
        try {
            operator().run("SELECT count(*) FROM system.runtime.nodes WHERE state = 'active'", PROBE_TIMEOUT);
            return Answer.READY;
        } catch (TrinoQueryException e) {
            return "UNAUTHENTICATED".equals(e.errorName()) ? Answer.FOREIGN : Answer.STARTING;
        } catch (IOException e) {
            return Answer.STARTING;
        }
    }

    @Override
    public OwnedProcess start(Path home, Progress progress) throws IOException {
        if (!home.toAbsolutePath().equals(settings.home())) {
            throw new IllegalArgumentException("Trino's home is " + settings.home() + ", not " + home);
        }
        Path java = JavaRuntimes.newest(NEEDED_JDK);
        Path server = unpacked(progress);
        Files.createDirectories(etc());
        String keystorePassword = secret(etc().resolve("keystore.password"));
        if (!Files.isRegularFile(etc().resolve(KEYSTORE_FILE)) || !Files.isRegularFile(certificate())) {
            makeKeystore(java, keystorePassword);
        }
        TrinoConfig.write(settings, server, keystorePassword, HexFormat.of().formatHex(randomBytes(32)));
        writeRules(rules.get());
        logins().grant(OPERATOR, secret(operatorPasswordFile()));

        Path log = home.resolve("trino.log");
        List<String> command = new ArrayList<>();
        command.add(java.toString());
        command.addAll(TrinoConfig.jvmArguments(settings));
        command.addAll(List.of("-cp", server.resolve("lib") + "/*", MAIN_CLASS));
        progress.report(NAME, "starting Trino " + VERSION + " (heap " + settings.heapMegabytes() + " MB) on " + settings.http()
                + ", HTTPS " + settings.https() + ", catalogs " + settings.catalogs().stream().map(TrinoCatalog::name).toList());
        // Its working directory holds etc/: Trino looks for its group provider and catalog store there.
        Process process = Processes.spawnDetached(command, Map.of(), home, log);
        Readiness.awaitStarted(this, process, Duration.ofSeconds(180), log);
        return OwnedProcess.of(NAME, process.toHandle(), log, Map.of("home", home.toString()));
    }

    @Override
    public void stop(OwnedProcess process) throws IOException {
        var live = process.live();
        if (live.isPresent()) {
            Processes.terminate(live.get(), Duration.ofSeconds(30));
        }
    }

    private StatementClient operator() throws IOException {
        return new StatementClient(httpsUrl(), certificate(), OPERATOR, Files.readString(operatorPasswordFile()).strip());
    }

    /** Airlift's duration as {@code /v1/info} gives it, e.g. {@code 45.12s} or {@code 5.00m}; zero when it is not one. */
    static Duration uptime(String text) {
        Matcher duration = AIRLIFT_DURATION.matcher(text.strip());
        if (!duration.matches()) {
            return Duration.ZERO;
        }
        double amount = Double.parseDouble(duration.group(1));
        double seconds = switch (duration.group(2)) {
            case "ns" -> amount / 1e9;
            case "us" -> amount / 1e6;
            case "ms" -> amount / 1e3;
            case "s" -> amount;
            case "m" -> amount * 60;
            case "h" -> amount * 3600;
            default -> amount * 86400;
        };
        return Duration.ofMillis((long) (seconds * 1000));
    }

    private Path etc() {
        return settings.home().resolve("etc");
    }

    private Path operatorPasswordFile() {
        return settings.home().resolve("operator.password");
    }

    /**
     * The server unpacked from the tarball Maven resolved, once: it is 821 MB with some sixty plugins, of which the
     * platform keeps three. The tarball hard-links jars between plugins, so it is unpacked whole and then trimmed, in a
     * folder of its own that becomes the server's only once complete.
     */
    private Path unpacked(Progress progress) throws IOException {
        Path server = settings.home().resolve("trino-server-" + VERSION);
        if (Files.isDirectory(server.resolve("lib"))) {
            return server;
        }
        Path tarball = Path.of(ServerClasspath.read("atoll/trino-server.tarball", "Trino"));
        Path unpacking = Files.createDirectories(settings.home().resolve("unpacking"));
        progress.report(NAME, "unpacking " + tarball.getFileName() + " (once)");
        Path log = settings.home().resolve("unpack.log");
        if (Processes.run(List.of("tar", "-xzf", tarball.toString(), "-C", unpacking.toString()), Map.of(), log, Duration.ofMinutes(5)) != 0) {
            throw new ServerStartException(NAME, "could not unpack " + tarball, log);
        }
        Path plugins = unpacking.resolve("trino-server-" + VERSION).resolve("plugin");
        try (DirectoryStream<Path> all = Files.newDirectoryStream(plugins)) {
            for (Path plugin : all) {
                if (!PLUGINS.contains(plugin.getFileName().toString())) {
                    deleteTree(plugin);
                }
            }
        }
        Files.move(unpacking.resolve("trino-server-" + VERSION), server);
        deleteTree(unpacking);
        return server;
    }

    /** A PKCS12 keystore with a self-signed certificate for this host, and the certificate alone for clients to trust. */
    private void makeKeystore(Path java, String password) throws IOException {
        Path keytool = java.resolveSibling("keytool");
        Path keystore = etc().resolve(KEYSTORE_FILE);
        Files.deleteIfExists(keystore);
        Path log = settings.home().resolve("keytool.log");
        String host = settings.http().host();
        String names = "dns:localhost,ip:127.0.0.1" + (host.equals("127.0.0.1") || host.equals("localhost") ? ""
                : host.chars().allMatch(c -> Character.isDigit(c) || c == '.') ? ",ip:" + host : ",dns:" + host);
        List<List<String>> commands = List.of(
                List.of(keytool.toString(), "-genkeypair", "-alias", "trino", "-keyalg", "RSA", "-keysize", "2048", "-validity", "3650",
                        "-dname", "CN=atoll-trino", "-ext", "SAN=" + names, "-keystore", keystore.toString(), "-storetype", "PKCS12",
                        "-storepass", password, "-keypass", password),
                List.of(keytool.toString(), "-exportcert", "-rfc", "-alias", "trino", "-keystore", keystore.toString(),
                        "-storetype", "PKCS12", "-storepass", password, "-file", certificate().toString()));
        for (List<String> command : commands) {
            if (Processes.run(command, Map.of(), log, Duration.ofSeconds(60)) != 0) {
                throw new ServerStartException(NAME, "keytool could not make its keystore", log);
            }
        }
    }

    /** A secret kept in {@code file}, readable by its owner only; made there when missing. */
    private static String secret(Path file) throws IOException {
        if (!Files.isRegularFile(file)) {
            Files.createDirectories(file.getParent());
            Path next = file.resolveSibling(file.getFileName() + ".next");
            Files.deleteIfExists(next);
            Files.createFile(next, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
            Files.writeString(next, HexFormat.of().formatHex(randomBytes(24)));
            Files.move(next, file);
        }
        return Files.readString(file).strip();
    }

    private static byte[] randomBytes(int count) {
        byte[] bytes = new byte[count];
        RANDOM.nextBytes(bytes);
        return bytes;
    }

    private static void deleteTree(Path root) throws IOException {
        if (!Files.exists(root)) {
            return;
        }
        try (var paths = Files.walk(root)) {
            for (Path path : paths.sorted((a, b) -> b.getNameCount() - a.getNameCount()).toList()) {
                Files.delete(path);
            }
        }
    }
}
