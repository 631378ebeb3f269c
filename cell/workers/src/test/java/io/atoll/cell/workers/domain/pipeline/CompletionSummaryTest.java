package io.atoll.cell.workers.domain.pipeline;

import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

class CompletionSummaryTest {
    private static final Map<String, Object> THUMBNAILS = Map.of("thumbnails", List.of(
            Map.of("name", "thumb-160.jpg", "width", 160, "height", 120, "bytes", 5000, "key", "uploads/m/u-1/derived/thumb-160.jpg"),
            Map.of("name", "thumb-480.jpg", "width", 480, "height", 360, "bytes", 30000, "key", "uploads/m/u-1/derived/thumb-480.jpg")));
    private static final Map<String, Object> INSPECTION = Map.of("format", "jpeg", "width", 4032, "height", 3024, "sha256", "ab",
            "dhash", "f0f0f0f0f0f0f0f0", "exif", Map.of("hasLocation", false));

    @Test
    void aPhotoWithBothJobsSucceededHasItsThumbnailsInspectionAndNearDuplicates() {
        JobRequest request = photo(Job.SUCCEEDED, Job.SUCCEEDED);
        List<JobResult> memberPhotos = List.of(
                past("u-near", "f0f0f0f0f0f0f0f1"),
                past("u-far", "0f0f0f0f0f0f0f0f"),
                past("u-1", "f0f0f0f0f0f0f0f0"),
                new JobResult(UUID.randomUUID(), "u-failed", Map.of("thumbnails", List.of()), Instant.EPOCH));

        CompletionReport report = CompletionSummary.summarise(request, memberPhotos);

        assertThat(report.status()).isEqualTo(Completions.SUCCEEDED);
        assertThat(report.summary()).containsEntry("uploadId", "u-1").containsEntry("inspection", INSPECTION)
                .containsEntry("thumbnails", THUMBNAILS.get("thumbnails")).doesNotContainKey("failures");
        assertThat(report.summary().get("nearDuplicates")).asList().singleElement()
                .satisfies(duplicate -> assertThat(object(duplicate)).containsEntry("uploadId", "u-near").containsEntry("distance", 1));
        assertThat(report.headline()).isEqualTo("2 thumbnails; 4032×3024 JPEG; 1 near-duplicate");
        assertThat(report.summary()).containsEntry("headline", report.headline());
    }

    @Test
    void aPhotoWhoseInspectionFailedIsPartialAndSaysWhichJobFailedAndWhy() {
        CompletionReport report = CompletionSummary.summarise(photo(Job.SUCCEEDED, Job.FAILED), List.of());

        assertThat(report.status()).isEqualTo(Completions.PARTIAL);
        assertThat(report.headline()).isEqualTo("2 thumbnails; inspection failed");
        assertThat(report.summary()).doesNotContainKey("inspection").doesNotContainKey("nearDuplicates");
        assertThat(report.summary().get("failures")).asList().singleElement().satisfies(failure ->
                assertThat(object(failure)).containsEntry("kind", "photo-inspection").containsEntry("status", "failed")
                        .containsEntry("error", "it crashed").containsEntry("exitCode", 1));
    }

    @Test
    void aPhotoWhoseJobsAllFailedHasFailed() {
        CompletionReport report = CompletionSummary.summarise(photo(Job.FAILED, Job.TIMED_OUT), List.of());

        assertThat(report.status()).isEqualTo(Completions.FAILED);
        assertThat(report.headline()).isEqualTo("thumbnails failed; inspection failed");
        assertThat(report.summary().get("thumbnails")).asList().isEmpty();
    }

    @Test
    void aRepositoryScanAddsUpItsDirectories() {
        Map<String, Object> spec = Map.of("repository", "file:///r", "commit", "abc123", "github", Map.of("owner", "o", "repo", "r"));
        JobRequest request = Requests.request("repository-scan", JobRequest.PLANNED, spec, List.of(
                scan("src", Job.SUCCEEDED, Map.of("directory", "src", "files", 10, "lines", 1000,
                        "languages", Map.of("Java", Map.of("files", 8, "lines", 900), "YAML", Map.of("files", 2, "lines", 100)),
                        "secrets", List.of(Map.of("path", "src/a.properties", "line", 3, "rule", "aws-access-key")))),
                scan("docs", Job.SUCCEEDED, Map.of("directory", "docs", "files", 3, "lines", 50,
                        "languages", Map.of("Java", Map.of("files", 1, "lines", 20), "Markdown", Map.of("files", 2, "lines", 30)),
                        "secrets", List.of())),
                scan("vendor", Job.TIMED_OUT, null)));

        CompletionReport report = CompletionSummary.summarise(request, List.of());

        assertThat(report.status()).isEqualTo(Completions.PARTIAL);
        assertThat(report.summary()).containsEntry("files", 13L).containsEntry("lines", 1050L).containsEntry("directories", 3)
                .containsEntry("failedDirectories", List.of("vendor")).containsEntry("commit", "abc123").containsKey("github");
        assertThat(report.summary().get("languages")).isEqualTo(Map.of(
                "Java", Map.of("files", 9L, "lines", 920L),
                "Markdown", Map.of("files", 2L, "lines", 30L),
                "YAML", Map.of("files", 2L, "lines", 100L)));
        assertThat(report.summary().get("secrets")).asList().hasSize(1);
        assertThat(report.headline()).isEqualTo("13 files, 1050 lines in 2 directories; 1 possible secret; 1 of 3 directories failed");
    }

    @Test
    void aNoopCountsItsJobs() {
        JobRequest request = Requests.request("noop", JobRequest.PLANNED, Map.of(), List.of(Requests.job("noop", Job.SUCCEEDED, Map.of(), Map.of())));

        CompletionReport report = CompletionSummary.summarise(request, List.of());

        assertThat(report.status()).isEqualTo(Completions.SUCCEEDED);
        assertThat(report.headline()).isEqualTo("noop: 1 of 1 job succeeded");
    }

    @Test
    void aRequestWithJobsStillToRunIsNotSummarised() {
        JobRequest request = Requests.request("noop", JobRequest.PLANNED, Map.of(), List.of(Requests.job("noop", Job.RUNNING, Map.of(), null)));

        assertThatIllegalArgumentException().isThrownBy(() -> CompletionSummary.summarise(request, List.of()));
    }

    private static JobRequest photo(String thumbnails, String inspection) {
        return Requests.request("photo", JobRequest.PLANNED, Map.of("uploadId", "u-1"), List.of(
                Requests.job("photo-thumbnails", thumbnails, Map.of("uploadId", "u-1"), thumbnails.equals(Job.SUCCEEDED) ? THUMBNAILS : null),
                Requests.job("photo-inspection", inspection, Map.of("uploadId", "u-1"), inspection.equals(Job.SUCCEEDED) ? INSPECTION : null)));
    }

    private static Job scan(String directory, String status, Map<String, Object> result) {
        return Requests.job("repository-scan", status, Map.of("repository", "file:///r", "commit", "abc123", "directory", directory), result);
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> object(Object value) {
        return (Map<String, Object>) value;
    }

    private static JobResult past(String uploadId, String dhash) {
        return new JobResult(UUID.randomUUID(), uploadId, Map.of("inspection", Map.of("dhash", dhash)), Instant.EPOCH);
    }
}
