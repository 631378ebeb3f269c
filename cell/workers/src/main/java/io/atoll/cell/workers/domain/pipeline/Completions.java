package io.atoll.cell.workers.domain.pipeline;

import io.atoll.cell.workers.domain.notify.Completion;

import java.util.Objects;

/** A completed request's statuses, and the request as notifications report it. */
public final class Completions {
    public static final String SUCCEEDED = "succeeded";
    public static final String PARTIAL = "partial";
    public static final String FAILED = "failed";
    /** Where in a saved summary its headline is, since the request as storage answers it carries none of its own. */
    public static final String HEADLINE = "headline";

    private Completions() {
    }

    public static Completion of(JobRequest request, String cell) {
        if (!request.complete()) {
            throw new IllegalArgumentException("request " + request.id() + " is " + request.status() + ", not complete");
        }
        String headline = JsonValues.text(request.summary(), HEADLINE).orElse(request.kind() + " " + request.status());
        return new Completion(request.id(), cell, request.kind(), request.memberId(), request.subjectId(), request.status(), headline,
                request.spec(), request.summary(), Objects.requireNonNullElse(request.completedAt(), request.updatedAt()));
    }
}
