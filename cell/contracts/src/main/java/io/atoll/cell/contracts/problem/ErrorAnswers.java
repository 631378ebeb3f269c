package io.atoll.cell.contracts.problem;

import java.io.IOException;
import java.io.InputStream;
import java.net.http.HttpResponse;

/** Error answers from another of the cell's services, as the JDK's HTTP client gives them. */
public final class ErrorAnswers {
    /** A problem document is small; anything longer is not one worth reading. */
    private static final int READ_LIMIT = 16 * 1024;

    private ErrorAnswers() {
    }

    /** Reads what little of the body an answer has (enough for a problem document) and lets the connection go. */
    public static byte[] drain(HttpResponse<InputStream> response) {
        try (InputStream body = response.body()) {
            return body.readNBytes(READ_LIMIT);
        } catch (IOException unreadable) {
            return new byte[0];
        }
    }
}
