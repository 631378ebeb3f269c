package io.atoll.cell.workers.config;

import io.micronaut.context.annotation.ConfigurationProperties;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

/**
 * How requests are planned into jobs and how the jobs run.
 *
 * @param thumbnailSizes the longest side of each thumbnail a photo gets, in pixels
 * @param photoThumbnailsTimeout how long one attempt of a photo's thumbnails may run
 * @param photoInspectionTimeout how long one attempt of a photo's inspection may run
 * @param repositoryScanTimeout how long one attempt of a repository scan's directory may run
 * @param repositoryPlanTimeout how long finding a repository's top-level directories may take
 * @param noopTimeout how long a noop job may run
 * @param leaseMargin how much longer than its timeout a running attempt is held before the reaper takes it for lost
 * @param reaperInterval how often jobs whose worker vanished are looked for
 * @param workDir where each attempt gets a folder of its own, deleted when it ends
 */
@ConfigurationProperties("atoll.workers.pipeline")
public record PipelineSettings(
        @NotEmpty List<@NotNull @Min(1) @Max(8192) Integer> thumbnailSizes,
        @NotNull Duration photoThumbnailsTimeout,
        @NotNull Duration photoInspectionTimeout,
        @NotNull Duration repositoryScanTimeout,
        @NotNull Duration repositoryPlanTimeout,
        @NotNull Duration noopTimeout,
        @NotNull Duration leaseMargin,
        @NotNull Duration reaperInterval,
        @NotNull Path workDir) {
}
