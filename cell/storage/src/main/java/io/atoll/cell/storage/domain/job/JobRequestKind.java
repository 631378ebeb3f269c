package io.atoll.cell.storage.domain.job;

import java.util.Locale;

/** What a job request asks for; the workers plan each kind into its own jobs. */
public enum JobRequestKind {
    /** Thumbnails and inspection of an uploaded photo. */
    PHOTO,
    /** Sizes, languages and leaked secrets of a Git repository at a commit. */
    REPOSITORY_SCAN,
    /** Nothing: for measuring the pipeline itself. */
    NOOP;

    /** Every code, as a pattern for the API to check them with. */
    public static final String CODES = "photo|repository-scan|noop";

    public String code() {
        return name().toLowerCase(Locale.ROOT).replace('_', '-');
    }

    public static JobRequestKind ofCode(String code) {
        return valueOf(code.toUpperCase(Locale.ROOT).replace('-', '_'));
    }
}
