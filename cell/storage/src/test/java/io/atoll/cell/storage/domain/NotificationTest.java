package io.atoll.cell.storage.domain;

import io.atoll.cell.storage.domain.job.Notification;
import io.atoll.cell.storage.domain.job.NotificationChannel;
import io.atoll.cell.storage.domain.job.NotificationStatus;
import io.atoll.cell.storage.domain.job.NotificationUpdate;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.Optional;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class NotificationTest {
    private static final UUID REQUEST = UUID.randomUUID();
    private static final Instant FIRST = Instant.parse("2026-12-01T10:15:30Z");

    @Test
    void eachReportReplacesTheStateUntilTheNotificationIsSent() {
        Notification pending = Notification.first(UUID.randomUUID(), update(NotificationStatus.PENDING, 0, null), FIRST);

        Notification failed = pending.updatedWith(update(NotificationStatus.FAILED, 1, "HTTP 503"), FIRST.plusSeconds(5));
        Notification sent = failed.updatedWith(update(NotificationStatus.SENT, 2, null), FIRST.plusSeconds(10));

        assertThat(failed.status()).isEqualTo(NotificationStatus.FAILED);
        assertThat(failed.attempts()).isEqualTo(1);
        assertThat(failed.lastError()).contains("HTTP 503");
        assertThat(failed.updatedAt()).isEqualTo(FIRST.plusSeconds(5));
        assertThat(failed.createdAt()).isEqualTo(FIRST);
        assertThat(sent.status()).isEqualTo(NotificationStatus.SENT);
        assertThat(sent.lastError()).isEmpty();
    }

    @Test
    void aSentNotificationNeverGoesBackAndARepeatedReportChangesNothing() {
        Notification sent = Notification.first(UUID.randomUUID(), update(NotificationStatus.SENT, 1, null), FIRST);
        Notification failed = Notification.first(UUID.randomUUID(), update(NotificationStatus.FAILED, 3, "gone"), FIRST);

        assertThat(sent.updatedWith(update(NotificationStatus.PENDING, 2, null), FIRST.plusSeconds(1))).isSameAs(sent);
        assertThat(sent.updatedWith(update(NotificationStatus.FAILED, 2, "late"), FIRST.plusSeconds(1))).isSameAs(sent);
        assertThat(failed.updatedWith(update(NotificationStatus.FAILED, 3, "gone"), FIRST.plusSeconds(1))).isSameAs(failed);
    }

    @Test
    void aNotificationStaysWithItsRequest() {
        Notification notification = Notification.first(UUID.randomUUID(), update(NotificationStatus.PENDING, 0, null), FIRST);
        NotificationUpdate otherRequest = new NotificationUpdate(UUID.randomUUID(), NotificationChannel.SLACK, "#photos",
                NotificationStatus.SENT, 1, Optional.empty());

        assertThatThrownBy(() -> notification.updatedWith(otherRequest, FIRST))
                .isInstanceOfSatisfying(RefusedException.class, refused -> assertThat(refused.refusal()).isEqualTo(Refusal.CONFLICT));
    }

    private static NotificationUpdate update(NotificationStatus status, int attempts, String lastError) {
        return new NotificationUpdate(REQUEST, NotificationChannel.WEBHOOK, "https://hooks.example.net/atoll", status, attempts,
                Optional.ofNullable(lastError));
    }
}
