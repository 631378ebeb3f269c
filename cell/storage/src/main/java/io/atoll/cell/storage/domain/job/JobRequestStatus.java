package io.atoll.cell.storage.domain.job;

import java.util.Locale;

/** Where a request is: requested, planned into jobs, then completed as succeeded, partial or failed. */
public enum JobRequestStatus {
    REQUESTED, PLANNED, SUCCEEDED, PARTIAL, FAILED;

    /** Every code, as a pattern for the API to check them with. */
    public static final String CODES = "requested|planned|succeeded|partial|failed";
    /** The codes a request may be completed with. */
    public static final String COMPLETION_CODES = "succeeded|partial|failed";

    public String code() {
        return name().toLowerCase(Locale.ROOT);
    }

    public static JobRequestStatus ofCode(String code) {
        return valueOf(code.toUpperCase(Locale.ROOT));
    }

    /** Whether this status ends a request (its completion). */
    public boolean isCompletion() {
        return this == SUCCEEDED || this == PARTIAL || this == FAILED;
    }
}
