package io.atoll.cell.workers.domain.pipeline;

import java.time.Duration;

import static java.util.Objects.requireNonNull;

/** How long one attempt of each job program may run. */
public record JobTimeouts(Duration photoThumbnails, Duration photoInspection, Duration repositoryScan, Duration repositoryPlan,
                          Duration noop) {
    public JobTimeouts {
        requireNonNull(photoThumbnails, "photoThumbnails is null");
        requireNonNull(photoInspection, "photoInspection is null");
        requireNonNull(repositoryScan, "repositoryScan is null");
        requireNonNull(repositoryPlan, "repositoryPlan is null");
        requireNonNull(noop, "noop is null");
    }

    public Duration of(String kind) {
        return switch (kind) {
            case JobKinds.PHOTO_THUMBNAILS -> photoThumbnails;
            case JobKinds.PHOTO_INSPECTION -> photoInspection;
            case JobKinds.REPOSITORY_SCAN -> repositoryScan;
            case JobKinds.REPOSITORY_PLAN -> repositoryPlan;
            case JobKinds.NOOP -> noop;
            default -> throw new IllegalArgumentException("no job program " + kind);
        };
    }
}
