package io.atoll.devstack.server.s3;

import io.atoll.devstack.server.Endpoint;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/** Writes the properties file S3Proxy reads: its address, the one account it accepts, its objects under the home folder. */
final class S3ProxyConfig {
    static final String FILE = "s3proxy.conf";

    private S3ProxyConfig() {
    }

    static Path write(Endpoint endpoint, S3Account account, Path home) throws IOException {
        Path objects = Files.createDirectories(home.resolve("objects"));
        return Files.writeString(home.resolve(FILE), properties(endpoint, account, objects));
    }

    static String properties(Endpoint endpoint, S3Account account, Path objects) {
        return """
                s3proxy.endpoint=http://%s
                s3proxy.authorization=aws-v2-or-v4
                s3proxy.identity=%s
                s3proxy.credential=%s
                # Current S3 clients send checksum headers (x-amz-checksum-*) that S3Proxy does not know and would refuse.
                s3proxy.ignore-unknown-headers=true
                jclouds.provider=filesystem-nio2
                jclouds.filesystem.basedir=%s
                # Local files need no account, but S3Proxy asks every provider but jclouds' own filesystem and transient ones for one.
                jclouds.identity=%s
                jclouds.credential=%s
                """.formatted(endpoint, account.accessKey(), account.secretKey(), objects, account.accessKey(), account.secretKey());
    }
}
