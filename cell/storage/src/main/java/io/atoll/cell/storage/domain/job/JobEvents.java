package io.atoll.cell.storage.domain.job;

import io.atoll.cell.contracts.events.CellEvent;
import io.atoll.cell.contracts.events.CellEventTypes;
import io.atoll.cell.storage.domain.event.DomainEvents;

import java.util.Map;

import static java.util.Objects.requireNonNull;

/** The events of the pipeline, as the workers expect them. */
public final class JobEvents {
    private final DomainEvents events;

    public JobEvents(DomainEvents events) {
        this.events = requireNonNull(events, "events is null");
    }

    /** A request was made: its subject is the request, so that a worker can fetch and plan it. */
    public CellEvent requested(JobRequest request) {
        return events.event(CellEventTypes.JOB_REQUESTED, request.createdAt(), request.memberId().orElse(null), request.id().toString(),
                Map.of("kind", request.kind().code(), "subject", request.subjectId()));
    }

    /** A request was completed: its subject is what the request worked on (an upload), which is what its listeners follow. */
    public CellEvent completed(JobRequest request) {
        JobRequest completed = requireCompleted(request);
        return events.event(CellEventTypes.JOB_COMPLETED, completed.updatedAt(), completed.memberId().orElse(null), completed.subjectId(),
                Map.of("requestId", completed.id().toString(), "kind", completed.kind().code(), "status", completed.status().code(),
                        "headline", completed.headline().orElseThrow()));
    }

    private static JobRequest requireCompleted(JobRequest request) {
        if (request.completedAt().isEmpty()) {
            throw new IllegalArgumentException("request " + request.id() + " is not completed");
        }
        return request;
    }
}
