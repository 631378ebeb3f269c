package io.atoll.cell.storage.domain;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.Base64;
import java.util.UUID;

import static java.util.Objects.requireNonNull;

/**
 * A position in a list ordered newest first by time, as clients carry it between pages: opaque and URL-safe. The
 * id breaks ties between entries of the same microsecond.
 */
public record TimeCursor(Instant at, UUID id) {
    public TimeCursor {
        requireNonNull(at, "at is null");
        requireNonNull(id, "id is null");
    }

    public String encode() {
        return Base64.getUrlEncoder().withoutPadding().encodeToString((at + "/" + id).getBytes(StandardCharsets.UTF_8));
    }

    public static TimeCursor decode(String encoded) {
        try {
            String text = new String(Base64.getUrlDecoder().decode(encoded), StandardCharsets.UTF_8);
            int slash = text.indexOf('/');
            return new TimeCursor(Instant.parse(text.substring(0, slash)), UUID.fromString(text.substring(slash + 1)));
        } catch (IllegalArgumentException | IndexOutOfBoundsException | DateTimeParseException e) {
            throw new RefusedException(Refusal.BAD_REQUEST, "Invalid cursor", "The cursor was not issued by this service.");
        }
    }
}
