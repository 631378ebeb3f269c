package io.atoll.cell.workers.domain.pipeline;

/** The kinds of requests and of the job programs (cell/jobs) they are planned into. */
public final class JobKinds {
    public static final String PHOTO_REQUEST = "photo";
    public static final String REPOSITORY_SCAN_REQUEST = "repository-scan";
    public static final String NOOP_REQUEST = "noop";

    public static final String PHOTO_THUMBNAILS = "photo-thumbnails";
    public static final String PHOTO_INSPECTION = "photo-inspection";
    public static final String REPOSITORY_PLAN = "repository-plan";
    public static final String REPOSITORY_SCAN = "repository-scan";
    public static final String NOOP = "noop";

    private JobKinds() {
    }
}
