package io.atoll.devstack.server.s3;

import io.atoll.devstack.process.OwnedProcess;
import io.atoll.devstack.server.Answer;
import io.atoll.devstack.server.Endpoint;
import io.atoll.devstack.server.Progress;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.net.ServerSocket;
import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;

class S3ProxyServerIT {
    @Test
    void startsAnS3ServerThatAcceptsOnlyItsOwnAccountAndStopsIt(@TempDir Path home) throws IOException {
        Endpoint endpoint = Endpoint.loopback(freePort());
        S3ProxyServer server = new S3ProxyServer(endpoint, S3Account.LOCAL);

        OwnedProcess process = server.start(home, Progress.SILENT);
        try {
            assertThat(server.probe()).isEqualTo(Answer.READY);
            S3Account stranger = new S3Account("us-east-1", S3Account.LOCAL.accessKey(), "another-credential");
            assertThat(new S3ProxyServer(endpoint, stranger).probe()).isEqualTo(Answer.FOREIGN);
        } finally {
            server.stop(process);
        }

        assertThat(process.live()).isEmpty();
        assertThat(server.probe()).isEqualTo(Answer.SILENT);
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }
}
