package io.atoll.testing;

import java.io.BufferedInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

/**
 * An upstream (a cell's gateway, an app) that answers from the request head alone, before the body has arrived — as
 * one refusing a token, a body too large or a path it does not serve does — on plain sockets, so that how it ends the
 * connection is up to the test. Any other request is read whole (after a {@code 100 Continue} when it expects one) and
 * answered 200 with the number of body bytes.
 *
 * <p>{@code POST /v1/early/{status}/{ending}} is answered {@code status} with a problem+json body naming the
 * request's {@code X-Request-Id}, then ends as {@link Ending} says.
 */
public final class EarlyAnsweringUpstream implements AutoCloseable {
    /** What the upstream does after its early answer. */
    public enum Ending {
        /**
         * Closes at once with {@code SO_LINGER} 0: a TCP reset, whatever of the body is still on its way (what a proxy
         * that closes straight after its answer causes, too).
         */
        RESET,
        /** Closes its side (a FIN), then reads and drops the rest of the body up to the proxy's close. */
        DRAIN,
        /** Reads and drops the rest of the body, as its length says, and keeps the connection for the next request. */
        KEEP_ALIVE;

        public String path(int status) {
            return "/v1/early/" + status + "/" + name().toLowerCase(Locale.ROOT).replace('_', '-');
        }
    }

    private final String id;
    private final ServerSocket server;
    private final ExecutorService connections = Executors.newCachedThreadPool();

    public EarlyAnsweringUpstream(String id) {
        this.id = id;
        try {
            server = new ServerSocket(0, 128, InetAddress.getLoopbackAddress());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        connections.execute(this::accept);
    }

    public String id() {
        return id;
    }

    public URI url() {
        return URI.create("http://127.0.0.1:" + server.getLocalPort());
    }

    public static String problem(int status, String requestId) {
        return "{\"type\":\"about:blank\",\"status\":" + status + ",\"detail\":\"refused before the body: " + requestId + "\"}";
    }

    private void accept() {
        while (!server.isClosed()) {
            try {
                Socket connection = server.accept();
                connections.execute(() -> serve(connection));
            } catch (IOException closed) {
                return;
            }
        }
    }

    private void serve(Socket connection) {
        try (connection) {
            InputStream in = new BufferedInputStream(connection.getInputStream());
            OutputStream out = connection.getOutputStream();
            for (Head head = Head.read(in); head != null; head = Head.read(in)) {
                String[] early = head.path().split("/");
                if (early.length != 5 || !early[2].equals("early")) {
                    if ("100-continue".equalsIgnoreCase(head.headers().get("expect"))) {
                        out.write("HTTP/1.1 100 Continue\r\n\r\n".getBytes(StandardCharsets.US_ASCII));
                        out.flush();
                    }
                    in.skipNBytes(head.contentLength());
                    answer(out, 200, "text/plain", id + ":" + head.contentLength(), false);
                    continue;
                }
                int status = Integer.parseInt(early[3]);
                Ending ending = Ending.valueOf(early[4].toUpperCase(Locale.ROOT).replace('-', '_'));
                // Saying so, as a server that closes must: otherwise a proxy that sent the whole body before the answer
                // came could keep the connection for the next request, only to find it closed.
                answer(out, status, "application/problem+json", problem(status, head.headers().getOrDefault("x-request-id", "")),
                        ending != Ending.KEEP_ALIVE);
                switch (ending) {
                    case RESET -> {
                        connection.setSoLinger(true, 0);
                        return;
                    }
                    case DRAIN -> {
                        connection.shutdownOutput();
                        in.transferTo(OutputStream.nullOutputStream());
                        return;
                    }
                    case KEEP_ALIVE -> in.skipNBytes(head.contentLength());
                }
            }
        } catch (IOException cut) {
            // The proxy ended the connection; what it made of that, the client's answers tell.
        }
    }

    private static void answer(OutputStream out, int status, String contentType, String body, boolean closing) throws IOException {
        // One write: a reset discards whatever the socket has not sent yet, and a second small write waits for an ACK.
        out.write(("HTTP/1.1 " + status + " Early\r\nContent-Type: " + contentType + (closing ? "\r\nConnection: close" : "")
                + "\r\nContent-Length: "
                + body.getBytes(StandardCharsets.UTF_8).length + "\r\n\r\n" + body).getBytes(StandardCharsets.UTF_8));
        out.flush();
    }

    @Override
    public void close() {
        try {
            server.close();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        connections.shutdownNow();
    }

    /** A request's line and headers (names lower-cased); null at the end of the connection. */
    private record Head(String path, Map<String, String> headers) {
        long contentLength() {
            return Long.parseLong(headers.getOrDefault("content-length", "0"));
        }

        static Head read(InputStream in) throws IOException {
            String requestLine = line(in);
            if (requestLine == null) {
                return null;
            }
            Map<String, String> headers = new HashMap<>();
            for (String header = line(in); header != null && !header.isEmpty(); header = line(in)) {
                int colon = header.indexOf(':');
                headers.put(header.substring(0, colon).trim().toLowerCase(Locale.ROOT), header.substring(colon + 1).trim());
            }
            String target = requestLine.split(" ")[1];
            int query = target.indexOf('?');
            return new Head(query < 0 ? target : target.substring(0, query), headers);
        }

        private static String line(InputStream in) throws IOException {
            ByteArrayOutputStream line = new ByteArrayOutputStream();
            for (int next = in.read(); next != '\n'; next = in.read()) {
                if (next < 0) {
                    return null;
                }
                if (next != '\r') {
                    line.write(next);
                }
            }
            return line.toString(StandardCharsets.US_ASCII);
        }
    }
}
