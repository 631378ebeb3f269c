package io.atoll.cell.storage.domain.job;

import java.util.Locale;

/**
 * Where a job is: pending until an attempt starts, running during it, back to pending when the attempt failed and
 * another follows, and finally succeeded, failed or timed out.
 */
public enum JobStatus {
    PENDING, RUNNING, SUCCEEDED, FAILED, TIMED_OUT;

    /** The codes an attempt may end with. */
    public static final String OUTCOME_CODES = "succeeded|failed|timed_out";

    public String code() {
        return name().toLowerCase(Locale.ROOT);
    }

    public static JobStatus ofCode(String code) {
        return valueOf(code.toUpperCase(Locale.ROOT));
    }

    public boolean isFinal() {
        return this == SUCCEEDED || this == FAILED || this == TIMED_OUT;
    }
}
