package io.atoll.cell.workers.notify.support;

import io.atoll.cell.workers.domain.notify.Completion;
import io.atoll.cell.workers.domain.notify.Notification;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/** Completions as the pipeline hands them to the channels. */
public final class Completions {
    public static final String COMMIT = "3f786850e387550fdab836ed7e6dc881de23001b";

    private Completions() {
    }

    public static Completion photo(String headline) {
        return new Completion(UUID.fromString("6f1c1a52-3c43-4a0b-9f38-0c1a6a0f2b11"), "eu-west-1", "photo", "member-7",
                "upload-42", "succeeded", headline, Map.of("uploadId", "upload-42", "contentType", "image/jpeg"),
                Map.of("thumbnails", 3, "format", "jpeg"), Instant.parse("2026-12-05T10:15:30Z"));
    }

    /** A scan of octo-org/atoll-demo at {@link #COMMIT} that ended with this status and these findings. */
    public static Completion repositoryScan(String status, List<Map<String, Object>> secrets) {
        return new Completion(UUID.fromString("0b7e4f7e-5a55-4c2f-8d1e-2f4f0c6d9a01"), "us-east-1", "repository-scan", null,
                "octo-org/atoll-demo", status, secrets.size() + " secrets in 12 directories",
                Map.of("repository", "file:///srv/repos/atoll-demo.git", "commit", COMMIT,
                        "github", Map.of("owner", "octo-org", "repo", "atoll-demo")),
                Map.of("directories", 12, "files", 340, "secrets", secrets), Instant.parse("2026-12-05T11:00:00Z"));
    }

    public static Notification notificationOf(Completion completion) {
        return new Notification(UUID.fromString("c2d0a3f4-1b9e-4f6a-8a57-52e3d1f0b7c9"), 1, completion);
    }
}
