package io.atoll.cell.app;

import io.atoll.cell.contracts.IdentityHeaders;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.time.Duration;

/**
 * An HTTP/1.1 request written byte by byte, for what an HTTP client will not send: a head that announces more
 * body than follows, a chunked body. Answers the status line and the whole response as text.
 */
public final class RawHttp {
    private RawHttp() {
    }

    public record Response(int status, String text) {
    }

    /** Sends the head (with the member's identity headers) and the given start of a body, then reads the answer. */
    public static Response send(URL server, String member, String head, byte[] body) throws IOException {
        try (Socket socket = new Socket(server.getHost(), server.getPort())) {
            socket.setSoTimeout((int) Duration.ofSeconds(30).toMillis());
            OutputStream out = socket.getOutputStream();
            String identity = IdentityHeaders.SUBJECT + ": " + member + "\r\n" + IdentityHeaders.SCOPES + ": app\r\n";
            out.write((head + "Host: " + server.getHost() + "\r\n" + identity + "Connection: close\r\n\r\n").getBytes(StandardCharsets.US_ASCII));
            out.write(body);
            out.flush();
            String text = readAll(socket.getInputStream());
            return new Response(Integer.parseInt(text.substring(9, 12)), text);
        }
    }

    private static String readAll(InputStream in) throws IOException {
        ByteArrayOutputStream all = new ByteArrayOutputStream();
        byte[] buffer = new byte[8192];
        int read;
        try {
            while ((read = in.read(buffer)) > 0) {
                all.write(buffer, 0, read);
            }
        } catch (IOException resetAfterAnswer) {
            // The server may reset the connection after answering early, with the body it refused still unsent.
            if (all.size() == 0) {
                throw resetAfterAnswer;
            }
        }
        return all.toString(StandardCharsets.ISO_8859_1);
    }
}
