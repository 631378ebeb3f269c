package io.atoll.cell.app.bench;

import java.io.BufferedInputStream;
import java.io.BufferedOutputStream;
import java.io.ByteArrayOutputStream;
import java.io.EOFException;
import java.io.IOException;
import java.net.Socket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.Map;

/**
 * One keep-alive HTTP/1.1 connection, used by one load-generator thread at a time. Written here because on
 * a two-core machine the JDK client's own threads and allocations would be counted against the service it
 * measures; this one costs a write and a read per request.
 */
final class HttpConnection implements AutoCloseable {
    private final URI target;
    private Socket socket;
    private BufferedOutputStream out;
    private BufferedInputStream in;
    /** Whether the answer to the request being sent has begun to arrive. */
    private boolean statusRead;

    HttpConnection(URI target) {
        this.target = target;
    }

    /**
     * Posts a JSON body; answers the status and the response body. A server may close a kept-alive connection that
     * was idle too long (the cell ingress does after its client idle timeout): as HTTP clients do, a request that got
     * no answer on a reused connection goes again on a new one. The benchmark's requests are idempotent by their ids.
     */
    Response post(String path, Map<String, String> headers, String json) throws IOException {
        boolean reused = socket != null;
        try {
            return send(path, headers, json);
        } catch (IOException failure) {
            if (!reused || statusRead) {
                throw failure;
            }
            close();
            return send(path, headers, json);
        }
    }

    private Response send(String path, Map<String, String> headers, String json) throws IOException {
        statusRead = false;
        if (socket == null) {
            socket = new Socket(target.getHost(), target.getPort());
            socket.setTcpNoDelay(true);
            out = new BufferedOutputStream(socket.getOutputStream(), 16 * 1024);
            in = new BufferedInputStream(socket.getInputStream(), 16 * 1024);
        }
        byte[] body = json.getBytes(StandardCharsets.UTF_8);
        StringBuilder request = new StringBuilder(256)
                .append("POST ").append(path).append(" HTTP/1.1\r\n")
                .append("Host: ").append(target.getHost()).append(':').append(target.getPort()).append("\r\n")
                .append("Content-Type: application/json\r\n")
                .append("Content-Length: ").append(body.length).append("\r\n");
        headers.forEach((name, value) -> request.append(name).append(": ").append(value).append("\r\n"));
        out.write(request.append("\r\n").toString().getBytes(StandardCharsets.US_ASCII));
        out.write(body);
        out.flush();
        return read();
    }

    private Response read() throws IOException {
        String status = line();
        statusRead = true;
        int code = Integer.parseInt(status.substring(9, 12));
        int length = -1;
        boolean chunked = false;
        boolean close = false;
        for (String header = line(); !header.isEmpty(); header = line()) {
            String lower = header.toLowerCase(Locale.ROOT);
            if (lower.startsWith("content-length:")) {
                length = Integer.parseInt(lower.substring(15).trim());
            } else if (lower.startsWith("transfer-encoding:") && lower.contains("chunked")) {
                chunked = true;
            } else if (lower.startsWith("connection:") && lower.contains("close")) {
                close = true;
            }
        }
        ByteArrayOutputStream body = new ByteArrayOutputStream();
        if (chunked) {
            for (int size = Integer.parseInt(line().trim(), 16); size > 0; size = Integer.parseInt(line().trim(), 16)) {
                body.write(in.readNBytes(size));
                line();
            }
            line();
        } else if (length > 0) {
            body.write(in.readNBytes(length));
        }
        if (close) {
            close();
        }
        return new Response(code, body.toString(StandardCharsets.UTF_8));
    }

    private String line() throws IOException {
        StringBuilder line = new StringBuilder(64);
        for (int c = in.read(); c != '\n'; c = in.read()) {
            if (c < 0) {
                throw new EOFException("connection closed by " + target);
            }
            if (c != '\r') {
                line.append((char) c);
            }
        }
        return line.toString();
    }

    @Override
    public void close() throws IOException {
        if (socket != null) {
            socket.close();
            socket = null;
        }
    }

    record Response(int status, String body) {
    }
}
