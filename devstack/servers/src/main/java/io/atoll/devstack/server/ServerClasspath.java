package io.atoll.devstack.server;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * The classpath of a server that runs as a JVM of its own, as Maven resolved it when this module was built: a
 * {@code *-runtime} module writes it to a resource, and the JARs it names are in the local Maven repository.
 */
public final class ServerClasspath {
    private ServerClasspath() {
    }

    /**
     * @param resource the classpath resource holding it, e.g. {@code atoll/cassandra.classpath}
     * @param server the server's name for error messages
     */
    public static String read(String resource, String server) throws IOException {
        try (InputStream in = ServerClasspath.class.getClassLoader().getResourceAsStream(resource)) {
            if (in == null) {
                throw new IOException(resource + " is missing: rebuild devstack/servers with ./mvnw");
            }
            String classpath = new String(in.readAllBytes(), StandardCharsets.UTF_8).trim();
            for (String jar : classpath.split(":")) {
                if (!Files.exists(Path.of(jar))) {
                    throw new IOException(server + "'s jar " + jar + " is missing: rebuild devstack/servers with ./mvnw");
                }
            }
            return classpath;
        }
    }
}
