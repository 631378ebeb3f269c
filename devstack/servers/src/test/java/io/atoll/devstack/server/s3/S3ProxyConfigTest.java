package io.atoll.devstack.server.s3;

import io.atoll.devstack.server.Endpoint;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.io.Reader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Properties;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class S3ProxyConfigTest {
    @Test
    void thePropertiesPutS3ProxyOnItsAddressWithOneAccountAndItsObjectsInTheHomeFolder(@TempDir Path home) throws IOException {
        S3Account account = new S3Account("us-east-1", "an-identity", "a-credential");

        Path file = S3ProxyConfig.write(new Endpoint("127.0.0.1", 18333), account, home);

        Properties properties = new Properties();
        try (Reader reader = Files.newBufferedReader(file)) {
            properties.load(reader);
        }
        assertThat(properties)
                .containsEntry("s3proxy.endpoint", "http://127.0.0.1:18333")
                .containsEntry("s3proxy.authorization", "aws-v2-or-v4")
                .containsEntry("s3proxy.identity", "an-identity")
                .containsEntry("s3proxy.credential", "a-credential")
                .containsEntry("jclouds.provider", "filesystem-nio2")
                .containsEntry("jclouds.filesystem.basedir", home.resolve("objects").toString());
        assertThat(home.resolve("objects")).isDirectory();
    }

    @Test
    void anAccountNeedsBothKeys() {
        assertThatThrownBy(() -> new S3Account("us-east-1", " ", "secret")).hasMessageContaining("access key");
        assertThat(S3Account.LOCAL.accessKey()).isEqualTo("local-identity");
    }
}
