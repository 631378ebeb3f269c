package io.atoll.cell.auth;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import io.atoll.cell.auth.domain.AccountService;
import io.atoll.cell.auth.domain.AccountType;
import io.atoll.cell.auth.domain.Scopes;
import io.atoll.cell.auth.support.AuthCell;
import io.atoll.cell.auth.support.Http;
import io.atoll.cell.auth.support.Members;
import io.atoll.cell.contracts.IdentityHeaders;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Debian's nginx guarding an app with {@code auth_request} against {@code GET /auth/check}, configured the way
 * nginx's documentation has it: what the service refuses never reaches the app (401 with the service's challenge,
 * 403), and what it allows arrives with the verified identity headers in place of any the client sent, also when
 * nginx asks again over a kept-alive connection and the check is decided from memory.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class NginxAuthRequestIT {
    private static final Path NGINX = Path.of("/usr/sbin/nginx");
    private static final Path PREFIX = Path.of("target", "nginx-auth-request-it").toAbsolutePath();
    private static final String DECIDED_FROM_MEMORY = "atoll.auth.ingress.decided.from.memory";

    /** The path and query of every request the app received. */
    private final Queue<String> appReceived = new ConcurrentLinkedQueue<>();
    private AuthCell cell;
    private HttpServer app;
    private Process nginx;
    private int nginxPort;

    @BeforeAll
    void start() throws IOException {
        assertThat(NGINX).withFailMessage("%s is missing: this test runs Debian's nginx; install it with `apt-get install nginx`"
                + " (./verify does so when run as root)", NGINX).isExecutable();
        cell = AuthCell.start("eu-west-1", AuthCell.freePort(), Map.of());
        app = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        app.createContext("/", this::echoIdentity);
        app.start();
        nginxPort = AuthCell.freePort();
        nginx = startNginx();
    }

    @AfterAll
    void stop() throws InterruptedException {
        try {
            if (nginx != null) {
                stopNginx();
            }
        } finally {
            if (app != null) {
                app.stop(0);
            }
            if (cell != null) {
                cell.close();
            }
        }
    }

    @Test
    void aRequestWithoutATokenIsRefusedWithTheServicesChallenge() {
        HttpResponse<String> response = throughNginx("/v1/feed?case=no-token", "X-Auth-Subject", "someone-else");

        assertThat(response.statusCode()).isEqualTo(401);
        assertThat(response.headers().firstValue("WWW-Authenticate")).hasValueSatisfying(value -> assertThat(value).startsWith("Bearer"));
        assertThat(appReceived).doesNotContain("/v1/feed?case=no-token");
    }

    @Test
    void aMembersRequestReachesTheAppWithTheVerifiedIdentity() {
        String accountId = signUp("nginx-member@example.com");
        String token = accessToken("nginx-member@example.com");

        HttpResponse<String> response = throughNginx("/v1/feed?case=member", "Authorization", "Bearer " + token);

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(appReceived).contains("/v1/feed?case=member");
        assertThat(seen(response, IdentityHeaders.SUBJECT)).isEqualTo(accountId);
        assertThat(seen(response, IdentityHeaders.SCOPES)).isEqualTo("app");
        assertThat(seen(response, IdentityHeaders.HOME_CELL)).isEqualTo("eu-west-1");
    }

    @Test
    void identityHeadersTheClientSendsAreReplacedWithTheVerifiedOnes() {
        String accountId = signUp("nginx-eve@example.com");
        String token = accessToken("nginx-eve@example.com");

        HttpResponse<String> response = throughNginx("/v1/orders", "Authorization", "Bearer " + token,
                "X-Auth-Subject", "someone-else", "X-Auth-Scopes", "app atoll:operator", "X-Auth-Home-Cell", "us-east-1");

        assertThat(response.statusCode()).isEqualTo(200);
        // Exact values: a forged header passed on next to the verified one would show here as "a|b".
        assertThat(seen(response, IdentityHeaders.SUBJECT)).isEqualTo(accountId);
        assertThat(seen(response, IdentityHeaders.SCOPES)).isEqualTo("app");
        assertThat(seen(response, IdentityHeaders.HOME_CELL)).isEqualTo("eu-west-1");
    }

    @Test
    void refusedTokensNeverReachTheApp() {
        HttpResponse<String> garbage = throughNginx("/v1/feed?case=garbage", "Authorization", "Bearer not.a.token");
        assertThat(garbage.statusCode()).isEqualTo(401);
        assertThat(garbage.headers().firstValue("WWW-Authenticate")).hasValueSatisfying(value -> assertThat(value).contains("invalid_token"));

        signUp("nginx-revoked@example.com");
        String token = accessToken("nginx-revoked@example.com");
        // Used once first, so that the revocation must win over the service's memory of a token it verified.
        assertThat(throughNginx("/v1/feed?case=before-revoke", "Authorization", "Bearer " + token).statusCode()).isEqualTo(200);
        assertThat(Http.postForm(cell.uri("/oauth/revoke"), "token", token, "token_type_hint", "access_token").statusCode()).isEqualTo(200);
        HttpResponse<String> revoked = throughNginx("/v1/feed?case=revoked", "Authorization", "Bearer " + token);
        assertThat(revoked.statusCode()).isEqualTo(401);
        assertThat(revoked.headers().firstValue("WWW-Authenticate")).hasValueSatisfying(value -> assertThat(value).contains("invalid_token"));

        assertThat(appReceived).contains("/v1/feed?case=before-revoke").doesNotContain("/v1/feed?case=garbage", "/v1/feed?case=revoked");
    }

    @Test
    void aTokenOutsideItsScopesIsForbidden() {
        String clientId = "nginx-reporting";
        String secret = cell.bean(AccountService.class).create(AccountType.SERVICE, clientId, null, Scopes.parse("storage:read"), "127.0.0.1")
                .generatedSecret();
        HttpResponse<String> issued = Http.postForm(cell.uri("/oauth/token"), "grant_type", "client_credentials",
                "client_id", clientId, "client_secret", secret);
        assertThat(issued.statusCode()).as(issued.body()).isEqualTo(200);

        HttpResponse<String> response = throughNginx("/v1/feed?case=no-scope", "Authorization", "Bearer " + Http.json(issued).get("access_token"));

        assertThat(response.statusCode()).as("the policy wants the scope app for /v1/**").isEqualTo(403);
        signUp("nginx-nosy@example.com");
        HttpResponse<String> uncovered = throughNginx("/v2/feed?case=uncovered", "Authorization", "Bearer " + accessToken("nginx-nosy@example.com"));
        assertThat(uncovered.statusCode()).as("no policy rule covers /v2/**").isEqualTo(403);
        assertThat(appReceived).doesNotContain("/v1/feed?case=no-scope", "/v2/feed?case=uncovered");
    }

    @Test
    void checksRepeatedOverAKeptAliveConnectionAreDecidedFromMemory() {
        String accountId = signUp("nginx-repeat@example.com");
        String token = accessToken("nginx-repeat@example.com");
        assertThat(throughNginx("/v1/feed?case=first", "Authorization", "Bearer " + token).statusCode()).isEqualTo(200);
        double before = cell.count(DECIDED_FROM_MEMORY);

        HttpResponse<String> again = throughNginx("/v1/feed?case=again", "Authorization", "Bearer " + token);

        assertThat(again.statusCode()).isEqualTo(200);
        assertThat(seen(again, IdentityHeaders.SUBJECT)).isEqualTo(accountId);
        assertThat(seen(again, IdentityHeaders.SCOPES)).isEqualTo("app");
        assertThat(seen(again, IdentityHeaders.HOME_CELL)).isEqualTo("eu-west-1");
        assertThat(cell.count(DECIDED_FROM_MEMORY)).as("nginx's second check, decided from memory").isEqualTo(before + 1);
    }

    private Process startNginx() throws IOException {
        deleteRecursively(PREFIX);
        Files.createDirectories(PREFIX);
        Files.writeString(PREFIX.resolve("nginx.conf"), nginxConfig(cell.uri("/").getPort(), app.getAddress().getPort()));
        // In the foreground, so that nginx's master is this JVM's child and cannot outlive the test unnoticed.
        Process process = new ProcessBuilder(NGINX.toString(), "-p", PREFIX.toString(), "-c", "nginx.conf", "-g", "daemon off;")
                .redirectErrorStream(true)
                .redirectOutput(PREFIX.resolve("nginx.out").toFile())
                .start();
        await().atMost(Duration.ofSeconds(20)).pollInterval(Duration.ofMillis(100)).until(() -> {
            assertThat(process.isAlive()).withFailMessage(() -> "nginx exited at start:\n" + read("nginx.out") + read("error.log")).isTrue();
            return listening(nginxPort);
        });
        return process;
    }

    /**
     * The configuration nginx users write for forward-auth, with the check's connections kept alive as a busy
     * site would. Paths nginx would otherwise take from its build (pid file, temporary files under
     * /var/lib/nginx, writable only by root) are kept in the prefix folder.
     */
    private String nginxConfig(int authPort, int appPort) {
        return """
                worker_processes 1;
                pid nginx.pid;
                error_log error.log info;
                events {
                    worker_connections 64;
                }
                http {
                    access_log access.log;
                    client_body_temp_path client_body_temp;
                    proxy_temp_path proxy_temp;
                    fastcgi_temp_path fastcgi_temp;
                    uwsgi_temp_path uwsgi_temp;
                    scgi_temp_path scgi_temp;
                    upstream auth {
                        server 127.0.0.1:%d;
                        keepalive 4;
                    }
                    upstream app {
                        server 127.0.0.1:%d;
                    }
                    server {
                        listen 127.0.0.1:%d;
                        location / {
                            auth_request /_check;
                            auth_request_set $subject $upstream_http_x_auth_subject;
                            auth_request_set $scopes $upstream_http_x_auth_scopes;
                            auth_request_set $home_cell $upstream_http_x_auth_home_cell;
                            proxy_set_header X-Auth-Subject $subject;
                            proxy_set_header X-Auth-Scopes $scopes;
                            proxy_set_header X-Auth-Home-Cell $home_cell;
                            proxy_pass http://app;
                        }
                        location = /_check {
                            internal;
                            proxy_pass http://auth/auth/check;
                            proxy_http_version 1.1;
                            proxy_set_header Connection "";
                            proxy_pass_request_body off;
                            proxy_set_header Content-Length "";
                            proxy_set_header X-Forwarded-Method $request_method;
                            proxy_set_header X-Forwarded-Uri $request_uri;
                        }
                    }
                }
                """.formatted(authPort, appPort, nginxPort);
    }

    private void stopNginx() throws InterruptedException {
        List<ProcessHandle> workers = nginx.descendants().toList();
        // SIGTERM: nginx's fast shutdown, in which the master ends its workers before it exits.
        nginx.destroy();
        if (!nginx.waitFor(10, TimeUnit.SECONDS)) {
            nginx.destroyForcibly().waitFor();
        }
        // A master killed outright leaves its workers running, still holding the port.
        workers.forEach(ProcessHandle::destroyForcibly);
    }

    private void echoIdentity(HttpExchange exchange) throws IOException {
        appReceived.add(exchange.getRequestURI().toString());
        for (String header : IdentityHeaders.ALL) {
            List<String> values = exchange.getRequestHeaders().get(header);
            exchange.getResponseHeaders().set("Seen-" + header, values == null ? "<none>" : String.join("|", values));
        }
        exchange.sendResponseHeaders(200, -1);
        exchange.close();
    }

    private static String seen(HttpResponse<String> response, String identityHeader) {
        return response.headers().firstValue("Seen-" + identityHeader).orElseThrow(() -> new AssertionError("not an answer of the app"));
    }

    private HttpResponse<String> throughNginx(String pathAndQuery, String... headers) {
        return Http.get(URI.create("http://127.0.0.1:" + nginxPort + pathAndQuery), headers);
    }

    /** Signs a member up; answers the account id. */
    private String signUp(String email) {
        HttpResponse<String> created = Http.postJson(cell.uri("/v1/accounts"),
                "{\"email\":\"" + email + "\",\"password\":\"" + Members.PASSWORD + "\"}");
        assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
        return (String) Http.json(created).get("id");
    }

    private String accessToken(String email) {
        return (String) Members.signIn(cell, email, Members.PASSWORD).get("access_token");
    }

    private static boolean listening(int port) {
        try (Socket socket = new Socket()) {
            socket.connect(new InetSocketAddress("127.0.0.1", port), 500);
            return true;
        } catch (IOException e) {
            return false;
        }
    }

    private static String read(String file) {
        try {
            Path path = PREFIX.resolve(file);
            return Files.exists(path) ? Files.readString(path) : "";
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static void deleteRecursively(Path folder) throws IOException {
        if (!Files.exists(folder)) {
            return;
        }
        try (Stream<Path> paths = Files.walk(folder)) {
            for (Path path : paths.sorted(Comparator.reverseOrder()).toList()) {
                Files.delete(path);
            }
        }
    }
}
