package io.atoll.cell.app.domain.feed;

import io.atoll.cell.app.domain.Refusal;
import io.atoll.cell.app.domain.RefusedException;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static java.util.Objects.requireNonNull;

/**
 * A point in a member's feed that a sync continues after. On the wire it is opaque to clients:
 * URL-safe base64 of {@code v1:<publication timeuuid>:<index>}, the position of the last item the client
 * has (or the end of what had settled when it last synced).
 */
public record FeedCursor(FeedPosition after) {
    private static final Pattern V1 = Pattern.compile("v1:([0-9a-f-]{36}):(\\d{1,10})");

    public FeedCursor {
        requireNonNull(after, "after is null");
    }

    public String encode() {
        String plain = "v1:" + after.publication() + ":" + after.index();
        return Base64.getUrlEncoder().withoutPadding().encodeToString(plain.getBytes(StandardCharsets.US_ASCII));
    }

    public static FeedCursor decode(String encoded) {
        try {
            String plain = new String(Base64.getUrlDecoder().decode(encoded), StandardCharsets.US_ASCII);
            Matcher matcher = V1.matcher(plain);
            if (matcher.matches()) {
                return new FeedCursor(new FeedPosition(UUID.fromString(matcher.group(1)), Integer.parseInt(matcher.group(2))));
            }
        } catch (IllegalArgumentException unreadable) {
            // falls through to the same refusal as a well-encoded cursor of an unknown shape
        }
        throw new RefusedException(Refusal.BAD_REQUEST, "Invalid cursor", "The cursor is not one this service issued.");
    }
}
