package io.atoll.cell.app.domain.checkin;

import io.atoll.cell.app.domain.AsyncResults;
import io.atoll.cell.app.domain.Refusal;
import io.atoll.cell.app.domain.RefusedException;
import io.atoll.cell.app.domain.TimeUuids;
import io.atoll.cell.app.domain.command.CommandService;
import io.atoll.cell.app.domain.command.DeviceCommand;
import io.atoll.cell.app.domain.device.DeviceService;
import io.atoll.cell.app.domain.feed.FeedEntry;
import io.atoll.cell.app.domain.feed.FeedItemKind;
import io.atoll.cell.app.domain.feed.FeedPublisher;
import jakarta.inject.Singleton;

import java.time.Clock;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;

import static java.util.Objects.requireNonNull;

/**
 * Accepts the periodic check-ins of a member's devices, each exactly once.
 *
 * <p>The first attempt of a check-in id claims a receipt (a compare-and-set, so concurrent retries agree on
 * one). Every attempt then writes the same rows under the receipt's keys, so an attempt that failed
 * half-way is completed by the next one and nothing is stored twice; retries are rare, and writing again
 * costs them less than a "stored" mark would cost every check-in.
 */
@Singleton
public final class CheckinService {
    private final CheckinStore checkins;
    private final DeviceService devices;
    private final CommandService commands;
    private final FeedPublisher publisher;
    private final CheckinLimits limits;
    private final CheckinIntervalPolicy intervals;
    private final CheckinLoad load;
    private final CheckinRules rules;
    private final TimeUuids timeUuids;
    private final Clock clock;

    public CheckinService(CheckinStore checkins, DeviceService devices, CommandService commands, FeedPublisher publisher,
                          CheckinLimits limits, CheckinIntervalPolicy intervals, CheckinLoad load, CheckinRules rules,
                          TimeUuids timeUuids, Clock clock) {
        this.checkins = requireNonNull(checkins, "checkins is null");
        this.devices = requireNonNull(devices, "devices is null");
        this.commands = requireNonNull(commands, "commands is null");
        this.publisher = requireNonNull(publisher, "publisher is null");
        this.limits = requireNonNull(limits, "limits is null");
        this.intervals = requireNonNull(intervals, "intervals is null");
        this.load = requireNonNull(load, "load is null");
        this.rules = requireNonNull(rules, "rules is null");
        this.timeUuids = requireNonNull(timeUuids, "timeUuids is null");
        this.clock = requireNonNull(clock, "clock is null");
    }

    public CheckinAcknowledgement accept(String memberId, UUID deviceId, CheckinSubmission submission) {
        limits.check(submission, clock.instant());
        load.enter();
        try {
            devices.active(memberId, deviceId);
            String digest = submission.digest();
            CheckinReceipt receipt = checkins.claim(deviceId, submission.checkinId(), memberId, digest, timeUuids.next(), rules.hotWindow());
            if (!receipt.digest().equals(digest)) {
                throw new RefusedException(Refusal.UNPROCESSABLE, "Check-in id reused",
                        "Check-in " + submission.checkinId() + " was already received with different content; a new check-in needs a new id.");
            }
            CompletableFuture<List<DeviceCommand>> pending = commands.pendingFor(deviceId);
            store(receipt, submission);
            return new CheckinAcknowledgement(submission.checkinId(), TimeUuids.instantOf(receipt.receivedAt()), !receipt.claimedNow(),
                    intervals.next(load.inFlight()), AsyncResults.join(pending));
        } finally {
            load.leave();
        }
    }

    public StoredCheckin find(String memberId, UUID deviceId, UUID checkinId) {
        devices.owned(memberId, deviceId);
        return checkins.find(deviceId, checkinId).orElseThrow(() -> new RefusedException(Refusal.NOT_FOUND, "Check-in not found",
                "Device " + deviceId + " has no stored check-in " + checkinId + "."));
    }

    /** Writes every part of the check-in at once and waits for all of them. */
    private void store(CheckinReceipt receipt, CheckinSubmission submission) {
        CompletableFuture<Void> recorded = checkins.record(receipt, submission, rules.hotWindow());
        List<FeedEntry> activity = submission.events().stream()
                .map(event -> FeedEntry.fromDevice(FeedItemKind.ACTIVITY, receipt.deviceId(), receipt.checkinId(), event.type(), event.occurredAt(), event.attributes()))
                .toList();
        CompletableFuture<UUID> published = publisher.publish(receipt.memberId(), receipt.feedPosition(), activity,
                (expected, replacement) -> checkins.reposition(receipt, expected, replacement, rules.hotWindow()));
        AsyncResults.join(CompletableFuture.allOf(recorded, published));
    }
}
