package io.atoll.cell.app.domain.checkin;

import io.atoll.cell.app.domain.Refusal;
import io.atoll.cell.app.domain.RefusedException;
import jakarta.inject.Singleton;

import java.time.Instant;
import java.util.List;

import static java.util.Objects.requireNonNull;

/** What a check-in may carry: a bounded batch, with timestamps a real device clock could have made. */
@Singleton
public final class CheckinLimits {
    private final CheckinRules rules;

    public CheckinLimits(CheckinRules rules) {
        this.rules = requireNonNull(rules, "rules is null");
    }

    public void check(CheckinSubmission submission, Instant now) {
        List<ActivityEvent> events = submission.events();
        if (events.size() > rules.maxEvents()) {
            throw new RefusedException(Refusal.TOO_LARGE, "Too many events",
                    "A check-in carries at most " + rules.maxEvents() + " events; this one has " + events.size() + ". Send the rest in the next check-in.");
        }
        checkTimestamp("clientTime", submission.clientTime(), now);
        for (int i = 0; i < events.size(); i++) {
            checkTimestamp("events[" + i + "].occurredAt", events.get(i).occurredAt(), now);
        }
    }

    private void checkTimestamp(String field, Instant timestamp, Instant now) {
        if (timestamp.isAfter(now.plus(rules.maxClockSkew()))) {
            throw new RefusedException(Refusal.UNPROCESSABLE, "Timestamp in the future",
                    field + " " + timestamp + " is more than " + rules.maxClockSkew() + " ahead of the server's clock.");
        }
        if (timestamp.isBefore(now.minus(rules.maxAge()))) {
            throw new RefusedException(Refusal.UNPROCESSABLE, "Timestamp too old",
                    field + " " + timestamp + " is more than " + rules.maxAge() + " in the past.");
        }
    }
}
