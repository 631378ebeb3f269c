package io.atoll.cell.storage.domain;

import io.atoll.cell.storage.domain.job.Notification;
import io.atoll.cell.storage.domain.job.NotificationAttempt;
import io.atoll.cell.storage.domain.job.NotificationChannel;
import io.atoll.cell.storage.domain.job.NotificationStatus;
import io.atoll.cell.storage.domain.job.NotificationUpdate;
import org.junit.jupiter.api.Test;

import java.time.Duration;
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
    void oneAttemptIsSentAtATimeUntilItsLeasePasses() {
        UUID id = UUID.randomUUID();
        Notification first = Notification.firstAttempt(id, attempt(), FIRST);

        assertThat(first.status()).isEqualTo(NotificationStatus.PENDING);
        assertThat(first.attempts()).isEqualTo(1);
        assertThat(first.leaseUntil()).contains(FIRST.plusSeconds(30));
        assertThatThrownBy(() -> first.attempted(attempt(), FIRST.plusSeconds(29)))
                .as("another delivery while the first attempt holds its lease")
                .isInstanceOfSatisfying(RefusedException.class, refused -> assertThat(refused.refusal()).isEqualTo(Refusal.CONFLICT));

        Notification takenOver = first.attempted(attempt(), FIRST.plusSeconds(31));
        assertThat(takenOver.attempts()).as("the lease of a vanished sender passed").isEqualTo(2);
        assertThat(takenOver.leaseUntil()).contains(FIRST.plusSeconds(61));
    }

    @Test
    void anAttemptFollowsAFailureAtOnceAndNeverASend() {
        Notification failed = Notification.firstAttempt(UUID.randomUUID(), attempt(), FIRST)
                .updatedWith(update(NotificationStatus.FAILED, 1, "HTTP 503"), FIRST.plusSeconds(1));
        assertThat(failed.leaseUntil()).as("a reported outcome ends the lease").isEmpty();

        Notification retried = failed.attempted(attempt(), FIRST.plusSeconds(2));
        assertThat(retried.status()).isEqualTo(NotificationStatus.PENDING);
        assertThat(retried.attempts()).isEqualTo(2);
        assertThat(retried.lastError()).as("the previous attempt's reason stays until this one is reported").contains("HTTP 503");

        Notification sent = retried.updatedWith(update(NotificationStatus.SENT, 2, null), FIRST.plusSeconds(3));
        assertThatThrownBy(() -> sent.attempted(attempt(), FIRST.plusSeconds(600)))
                .isInstanceOfSatisfying(RefusedException.class, refused -> assertThat(refused.refusal()).isEqualTo(Refusal.CONFLICT));
    }

    @Test
    void aNotificationStaysWithItsRequest() {
        Notification notification = Notification.first(UUID.randomUUID(), update(NotificationStatus.PENDING, 0, null), FIRST);
        NotificationUpdate otherRequest = new NotificationUpdate(UUID.randomUUID(), NotificationChannel.SLACK, "#photos",
                NotificationStatus.SENT, 1, Optional.empty());

        assertThatThrownBy(() -> notification.updatedWith(otherRequest, FIRST))
                .isInstanceOfSatisfying(RefusedException.class, refused -> assertThat(refused.refusal()).isEqualTo(Refusal.CONFLICT));
    }

    private static NotificationAttempt attempt() {
        return new NotificationAttempt(REQUEST, NotificationChannel.WEBHOOK, "https://hooks.example.net/atoll", Duration.ofSeconds(30));
    }

    private static NotificationUpdate update(NotificationStatus status, int attempts, String lastError) {
        return new NotificationUpdate(REQUEST, NotificationChannel.WEBHOOK, "https://hooks.example.net/atoll", status, attempts,
                Optional.ofNullable(lastError));
    }
}
