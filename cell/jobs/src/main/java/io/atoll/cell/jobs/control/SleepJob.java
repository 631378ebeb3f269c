package io.atoll.cell.jobs.control;

import io.atoll.cell.jobs.Job;
import io.atoll.cell.jobs.JobSpec;

import java.math.BigDecimal;

/** Sleeps for {@code seconds} (a job that runs into its timeout, or holds a worker busy). */
public final class SleepJob implements Job {
    public static final String KIND = "sleep";
    /** The longest job timeout the workers allow: a longer sleep could only ever time out. */
    private static final BigDecimal LONGEST_SLEEP_SECONDS = BigDecimal.valueOf(1800);

    /** @param slept the seconds slept, as the spec gave them */
    public record Slept(BigDecimal slept) {
    }

    @Override
    public String kind() {
        return KIND;
    }

    @Override
    public Slept run(JobSpec spec) throws InterruptedException {
        BigDecimal seconds = spec.number("seconds", BigDecimal.ZERO, LONGEST_SLEEP_SECONDS);
        Thread.sleep(seconds.movePointRight(3).longValue());
        return new Slept(seconds);
    }
}
