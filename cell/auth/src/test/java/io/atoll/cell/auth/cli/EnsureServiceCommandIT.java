package io.atoll.cell.auth.cli;

import io.atoll.cell.auth.support.AuthCell;
import io.atoll.cell.auth.support.Http;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** {@code accounts ensure-service}: a service account that follows a secret file, run at every start of a deployment. */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class EnsureServiceCommandIT {
    private static final String STORAGE_SCOPES = "storage:read storage:write";

    private AuthCell cell;

    @BeforeAll
    void start() {
        cell = AuthCell.start("eu-west-1", AuthCell.freePort(), Map.of());
    }

    @AfterAll
    void stop() {
        cell.close();
    }

    private record Run(int exitCode, String out, String err) {
    }

    @Test
    void aMissingFileGetsANewSecretThatTheNewAccountSignsInWith(@TempDir Path state) throws IOException {
        Path secretFile = state.resolve("eu-west-1/app-client-secret");

        Run run = admin("accounts", "ensure-service", "--client-id", "app-first", "--scopes", STORAGE_SCOPES, "--secret-file", secretFile.toString());

        assertThat(run.exitCode()).as(run.err()).isZero();
        String secret = Files.readString(secretFile).strip();
        assertThat(secret).hasSizeGreaterThanOrEqualTo(43);
        assertThat(Files.getPosixFilePermissions(secretFile)).isEqualTo(PosixFilePermissions.fromString("rw-------"));
        assertThat(run.out().lines()).singleElement().asString()
                .startsWith("created service account ").contains("client_id=app-first", "scopes=\"" + STORAGE_SCOPES + "\"")
                .doesNotContain(secret);
        assertThat(clientCredentials("app-first", secret, "storage:write").statusCode()).isEqualTo(200);
    }

    @Test
    void runningAgainChangesNothingAndKeepsTheSecret(@TempDir Path state) throws IOException {
        Path secretFile = state.resolve("app-client-secret");
        ensure("app-again", STORAGE_SCOPES, secretFile);
        String secret = Files.readString(secretFile);

        Run again = ensure("app-again", STORAGE_SCOPES, secretFile);

        assertThat(again.out()).startsWith("unchanged service account ");
        assertThat(Files.readString(secretFile)).isEqualTo(secret);
        assertThat(clientCredentials("app-again", secret.strip(), "storage:read").statusCode()).isEqualTo(200);
    }

    @Test
    void aLostSecretFileGetsANewSecretAndTheOldOneStopsWorking(@TempDir Path state) throws IOException {
        Path secretFile = state.resolve("app-client-secret");
        ensure("app-lost", STORAGE_SCOPES, secretFile);
        String lost = Files.readString(secretFile).strip();
        Files.delete(secretFile);

        Run run = ensure("app-lost", STORAGE_SCOPES, secretFile);

        assertThat(run.out()).startsWith("updated service account ");
        String replacement = Files.readString(secretFile).strip();
        assertThat(replacement).isNotEqualTo(lost);
        assertThat(clientCredentials("app-lost", lost, "storage:read").statusCode()).isEqualTo(401);
        assertThat(clientCredentials("app-lost", replacement, "storage:read").statusCode()).isEqualTo(200);
    }

    @Test
    void aKeptSecretIsGivenToAnAccountMadeAfresh(@TempDir Path state) throws IOException {
        Path secretFile = state.resolve("app-client-secret");
        String kept = "a-secret-kept-from-an-earlier-database-0123456789";
        Files.writeString(secretFile, kept + "\n");

        Run run = ensure("app-kept", STORAGE_SCOPES, secretFile);

        assertThat(run.out()).startsWith("created service account ");
        assertThat(Files.readString(secretFile).strip()).isEqualTo(kept);
        assertThat(clientCredentials("app-kept", kept, "storage:write").statusCode()).isEqualTo(200);
    }

    @Test
    void theScopesGivenAreTheScopesTheAccountHasAfterwards(@TempDir Path state) throws IOException {
        Path secretFile = state.resolve("app-client-secret");
        ensure("app-scopes", STORAGE_SCOPES, secretFile);

        Run narrowed = ensure("app-scopes", "storage:read", secretFile);

        assertThat(narrowed.out()).startsWith("updated service account ");
        String secret = Files.readString(secretFile).strip();
        assertThat(Http.json(clientCredentials("app-scopes", secret, "storage:write"))).containsEntry("error", "invalid_scope");
        assertThat(clientCredentials("app-scopes", secret, "storage:read").statusCode()).isEqualTo(200);
    }

    @Test
    void badInputGivesOneLineAndANonZeroExit(@TempDir Path state) throws IOException {
        Path weak = state.resolve("weak-secret");
        Files.writeString(weak, "short\n");
        String file = state.resolve("app-client-secret").toString();
        for (List<String> args : List.of(
                List.of("accounts", "ensure-service", "--client-id", "app-bad", "--scopes", STORAGE_SCOPES),
                List.of("accounts", "ensure-service", "--client-id", "app-bad", "--scopes", " ", "--secret-file", file),
                List.of("accounts", "ensure-service", "--client-id", "A B", "--scopes", STORAGE_SCOPES, "--secret-file", file),
                List.of("accounts", "ensure-service", "--client-id", "app-bad", "--scopes", STORAGE_SCOPES, "--secret-file", weak.toString()))) {
            Run run = admin(args.toArray(String[]::new));
            assertThat(run.exitCode()).as(String.join(" ", args)).isNotZero();
            assertThat(run.err().lines()).as(String.join(" ", args)).singleElement().asString().startsWith("error: ");
        }
        assertThat(Files.readString(weak)).isEqualTo("short\n");
    }

    private Run ensure(String clientId, String scopes, Path secretFile) {
        Run run = admin("accounts", "ensure-service", "--client-id", clientId, "--scopes", scopes, "--secret-file", secretFile.toString());
        assertThat(run.exitCode()).as(run.err()).isZero();
        assertThat(run.out().lines()).hasSize(1);
        return run;
    }

    private Run admin(String... args) {
        Map<String, Object> properties = new HashMap<>(cell.database().micronautProperties("default"));
        properties.put("atoll.cell.id", "eu-west-1");
        properties.put("atoll.cell.region", "eu-west-1");
        properties.put("atoll.auth.password-hash.memory-kib", 1024);
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        int code = AdminCommand.run(args, properties, new PrintStream(out, true, StandardCharsets.UTF_8),
                new PrintStream(err, true, StandardCharsets.UTF_8));
        return new Run(code, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
    }

    private HttpResponse<String> clientCredentials(String clientId, String secret, String scope) {
        return Http.postForm(cell.uri("/oauth/token"), "grant_type", "client_credentials",
                "client_id", clientId, "client_secret", secret, "scope", scope);
    }
}
