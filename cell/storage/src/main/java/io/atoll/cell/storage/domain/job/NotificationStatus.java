package io.atoll.cell.storage.domain.job;

import java.util.Locale;

/** How far a notification got: pending (another try follows), sent, or failed for good. */
public enum NotificationStatus {
    PENDING, SENT, FAILED;

    /** Every code, as a pattern for the API to check them with. */
    public static final String CODES = "pending|sent|failed";

    public String code() {
        return name().toLowerCase(Locale.ROOT);
    }

    public static NotificationStatus ofCode(String code) {
        return valueOf(code.toUpperCase(Locale.ROOT));
    }
}
