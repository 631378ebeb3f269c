package io.atoll.cell.storage.store;

import jakarta.inject.Singleton;

import java.time.Duration;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;

/**
 * Tells this instance's relay that an event was committed, so that it publishes at once instead of at its next
 * poll. Events other instances commit are found by the poll.
 */
@Singleton
public final class OutboxSignal {
    private final Semaphore committed = new Semaphore(0);

    void eventsCommitted() {
        // One pending wake-up is enough: the relay reads every unsent event when it wakes.
        if (committed.availablePermits() == 0) {
            committed.release();
        }
    }

    /** Waits until an event is committed or the timeout passes. */
    public void await(Duration timeout) throws InterruptedException {
        if (committed.tryAcquire(timeout.toMillis(), TimeUnit.MILLISECONDS)) {
            committed.drainPermits();
        }
    }
}
