package io.atoll.cell.workers.messaging;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import static java.util.Objects.requireNonNull;

/**
 * A queue the workers take work from, with its retry queues (one per retry delay, named after it, e.g.
 * {@code workers.jobs.retry.10s}) and its dead-letter queue ({@code workers.jobs.dead}). A message expiring in a
 * retry queue goes back to the work queue; a message the work queue rejects goes to the dead-letter queue.
 */
public record WorkQueue(String name, List<Duration> retryDelays) {
    public WorkQueue {
        requireNonNull(name, "name is null");
        retryDelays = List.copyOf(requireNonNull(retryDelays, "retryDelays is null"));
    }

    public String retryQueue(int delayIndex) {
        return name + ".retry." + label(retryDelays.get(delayIndex));
    }

    public List<String> retryQueues() {
        List<String> names = new ArrayList<>();
        for (int index = 0; index < retryDelays.size(); index++) {
            names.add(retryQueue(index));
        }
        return names;
    }

    public String deadLetterQueue() {
        return name + ".dead";
    }

    /** The queue, its retry queues and its dead-letter queue. */
    public List<String> allQueues() {
        List<String> names = new ArrayList<>();
        names.add(name);
        names.addAll(retryQueues());
        names.add(deadLetterQueue());
        return names;
    }

    /** A delay as a queue name shows it: whole seconds as {@code 10s}, anything else in milliseconds. */
    static String label(Duration delay) {
        return delay.toMillis() % 1000 == 0 ? delay.toSeconds() + "s" : delay.toMillis() + "ms";
    }
}
