package io.atoll.cell.storage.domain.job;

import java.util.Locale;

/** Where the workers tell of a completed request. */
public enum NotificationChannel {
    /** A Slack incoming webhook. */
    SLACK,
    /** A generic webhook, signed. */
    WEBHOOK,
    /** A GitHub commit status. */
    GITHUB_STATUS;

    /** Every code, as a pattern for the API to check them with. */
    public static final String CODES = "slack|webhook|github-status";

    public String code() {
        return name().toLowerCase(Locale.ROOT).replace('_', '-');
    }

    public static NotificationChannel ofCode(String code) {
        return valueOf(code.toUpperCase(Locale.ROOT).replace('-', '_'));
    }
}
