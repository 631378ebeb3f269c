package io.atoll.cell.workers.cleanup;

import java.nio.file.Path;

/** The object store's landing zone, where the warehouse picks the archive files up. */
public interface LandingZone {
    /** The object's address for people and logs, e.g. {@code s3://atoll-landing/checkins/...}. */
    String location(String key);

    /** Copies the object to {@code target}; false, leaving {@code target} alone, when there is no such object. */
    boolean download(String key, Path target);

    /** Stores the file as the object, replacing any object of that key at once (never a partial object). */
    void upload(String key, Path source);
}
