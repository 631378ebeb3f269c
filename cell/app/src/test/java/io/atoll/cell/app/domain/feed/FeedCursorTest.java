package io.atoll.cell.app.domain.feed;

import io.atoll.cell.app.domain.Refusal;
import io.atoll.cell.app.domain.RefusedException;
import io.atoll.cell.app.domain.TimeUuids;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.Base64;
import java.util.List;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

class FeedCursorTest {
    private final UUID publication = new TimeUuids(Clock.fixed(Instant.parse("2026-11-20T23:59:59.999Z"), ZoneOffset.UTC)).next();

    @Test
    void aCursorDecodesToThePositionItWasMadeFrom() {
        FeedCursor cursor = new FeedCursor(new FeedPosition(publication, 7));

        FeedCursor decoded = FeedCursor.decode(cursor.encode());

        assertThat(decoded).isEqualTo(cursor);
        assertThat(decoded.after().day()).isEqualTo(LocalDate.parse("2026-11-20"));
    }

    @Test
    void theEncodingIsUrlSafe() {
        assertThat(new FeedCursor(new FeedPosition(publication, Integer.MAX_VALUE)).encode()).matches("[A-Za-z0-9_-]+");
    }

    @Test
    void anythingTheServiceDidNotIssueIsABadRequest() {
        String randomUuid = encoded("v1:" + UUID.randomUUID() + ":0");
        String hugeIndex = encoded("v1:" + publication + ":99999999999");
        String otherVersion = encoded("v2:" + publication + ":0");

        for (String cursor : List.of("", "not base64!", encoded("hello"), randomUuid, hugeIndex, otherVersion)) {
            RefusedException refused = catchThrowableOfType(RefusedException.class, () -> FeedCursor.decode(cursor));
            assertThat(refused).as(cursor).isNotNull();
            assertThat(refused.refusal()).isEqualTo(Refusal.BAD_REQUEST);
        }
    }

    private static String encoded(String plain) {
        return Base64.getUrlEncoder().withoutPadding().encodeToString(plain.getBytes(StandardCharsets.US_ASCII));
    }
}
