package io.atoll.cell.app.domain.checkin;

import jakarta.inject.Singleton;

import java.util.concurrent.atomic.AtomicInteger;

/** How many check-ins this instance is handling right now: the load signal that stretches intervals. */
@Singleton
public final class CheckinLoad {
    private final AtomicInteger inFlight = new AtomicInteger();

    public void enter() {
        inFlight.incrementAndGet();
    }

    public void leave() {
        inFlight.decrementAndGet();
    }

    public int inFlight() {
        return inFlight.get();
    }
}
