package io.atoll.devstack.server.trino;

import io.atoll.devstack.process.OwnedProcess;
import io.atoll.devstack.server.Answer;
import io.atoll.devstack.server.Endpoint;
import io.atoll.devstack.server.Progress;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.locks.LockSupport;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class TrinoServerIT {
    /** Kept across runs in target/, so the 821 MB tarball is unpacked once per clean build, as in a state folder. */
    private static final Path HOME = Path.of("target/trino-it").toAbsolutePath();

    @Test
    void startsATrinoThatLetsInOnlyThePeopleGrantedOverHttpsAndStopsIt() throws Exception {
        int http = freePort();
        TrinoServer server = new TrinoServer(new TrinoSettings(Endpoint.loopback(http), freePort(), HOME, 1024, List.of()),
                () -> "{}");

        long started = System.nanoTime();
        OwnedProcess process = server.start(HOME, Progress.SILENT);
        try {
            long ready = Duration.ofNanos(System.nanoTime() - started).toMillis();
            long rss = Files.readAllLines(Path.of("/proc/" + process.pid() + "/status")).stream()
                    .filter(line -> line.startsWith("VmRSS:")).map(line -> Long.parseLong(line.replaceAll("\\D", ""))).findFirst().orElse(0L);
            System.out.println("TrinoServerIT: ready in " + ready + " ms, resident " + rss / 1024 + " MB");
            assertThat(server.probe()).isEqualTo(Answer.READY);

            server.logins().grant("ann", "ann's password", "sales");
            StatementClient ann = new StatementClient(server.httpsUrl(), server.certificate(), "ann", "ann's password");
            assertThat(eventually(() -> ann.run("SELECT 1", Duration.ofSeconds(10))))
                    .as("a person granted logs in within Trino's refresh period").isTrue();
            StatementClient impostor = new StatementClient(server.httpsUrl(), server.certificate(), "ann", "a guess");
            assertThatThrownBy(() -> impostor.run("SELECT 1", Duration.ofSeconds(10)))
                    .isInstanceOfSatisfying(TrinoQueryException.class, refused -> assertThat(refused.errorName()).isEqualTo("UNAUTHENTICATED"));

            server.logins().revoke("ann");
            assertThat(eventually(() -> {
                try {
                    ann.run("SELECT 1", Duration.ofSeconds(10));
                    throw new IOException("still let in");
                } catch (TrinoQueryException refused) {
                    assertThat(refused.errorName()).isEqualTo("UNAUTHENTICATED");
                    return List.of();
                }
            })).as("a person revoked is refused within Trino's refresh period").isTrue();
        } finally {
            server.stop(process);
        }

        assertThat(process.live()).isEmpty();
        assertThat(server.probe()).isEqualTo(Answer.SILENT);
    }

    private interface Attempt {
        Object run() throws IOException;
    }

    /** Trino rereads its password file every second: tries for a few seconds. */
    private static boolean eventually(Attempt attempt) {
        long deadline = System.nanoTime() + Duration.ofSeconds(10).toNanos();
        while (System.nanoTime() < deadline) {
            try {
                attempt.run();
                return true;
            } catch (IOException notYet) {
                LockSupport.parkNanos(Duration.ofMillis(200).toNanos());
            }
        }
        return false;
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }
}
