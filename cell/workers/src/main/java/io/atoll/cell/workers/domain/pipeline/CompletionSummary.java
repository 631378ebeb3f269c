package io.atoll.cell.workers.domain.pipeline;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * Puts the results of a request's final jobs together into what its completion is saved with. The status is
 * succeeded when every job succeeded, failed when none did, partial otherwise. The summary holds what a reader of
 * the request needs without its jobs: for a photo its thumbnails, its inspection and the member's photos that look
 * like it; for a repository scan the totals, languages and possible secrets of all directories; for any request
 * the jobs that failed and why.
 */
public final class CompletionSummary {
    private CompletionSummary() {
    }

    /**
     * @param memberPhotos the saved summaries of the member's photos, for a photo's near-duplicates (ignored otherwise)
     */
    public static CompletionReport summarise(JobRequest request, List<JobResult> memberPhotos) {
        if (!request.readyToComplete()) {
            throw new IllegalArgumentException("request " + request.id() + " still has jobs to run");
        }
        Map<String, Object> summary = new LinkedHashMap<>();
        String headline = switch (request.kind()) {
            case JobKinds.PHOTO_REQUEST -> photo(request, memberPhotos, summary);
            case JobKinds.REPOSITORY_SCAN_REQUEST -> repositoryScan(request, summary);
            default -> jobs(request, summary);
        };
        List<Map<String, Object>> failures = failures(request.jobs());
        if (!failures.isEmpty()) {
            summary.put("failures", failures);
        }
        summary.put(Completions.HEADLINE, headline);
        return new CompletionReport(status(request.jobs()), summary, headline);
    }

    static String status(List<Job> jobs) {
        long succeeded = jobs.stream().filter(Job::succeeded).count();
        if (succeeded == jobs.size()) {
            return Completions.SUCCEEDED;
        }
        return succeeded == 0 ? Completions.FAILED : Completions.PARTIAL;
    }

    private static String photo(JobRequest request, List<JobResult> memberPhotos, Map<String, Object> summary) {
        String uploadId = JsonValues.text(request.spec(), "uploadId").orElse(request.subjectId());
        summary.put("uploadId", uploadId);
        Optional<Map<String, Object>> thumbnailSet = succeededResult(request, JobKinds.PHOTO_THUMBNAILS);
        List<Map<String, Object>> thumbnails = thumbnailSet.map(result -> JsonValues.objects(result, "thumbnails")).orElse(List.of());
        summary.put("thumbnails", thumbnails);
        Optional<Map<String, Object>> inspection = succeededResult(request, JobKinds.PHOTO_INSPECTION);
        List<String> parts = new ArrayList<>();
        parts.add(thumbnailSet.isPresent() ? counted(thumbnails.size(), "thumbnail") : "thumbnails failed");
        if (inspection.isPresent()) {
            summary.put("inspection", inspection.get());
            List<Map<String, Object>> duplicates = JsonValues.text(inspection.get(), "dhash")
                    .map(dhash -> NearDuplicates.of(uploadId, dhash, memberPhotos)).orElse(List.of());
            summary.put("nearDuplicates", duplicates);
            parts.add(JsonValues.number(inspection.get(), "width").orElse(0L) + "×" + JsonValues.number(inspection.get(), "height").orElse(0L)
                    + " " + JsonValues.text(inspection.get(), "format").orElse("image").toUpperCase(Locale.ROOT));
            parts.add(duplicates.isEmpty() ? "no near-duplicates" : counted(duplicates.size(), "near-duplicate"));
        } else {
            parts.add("inspection failed");
        }
        return String.join("; ", parts);
    }

    private static String repositoryScan(JobRequest request, Map<String, Object> summary) {
        for (String name : List.of("repository", "commit", "github")) {
            if (request.spec().get(name) != null) {
                summary.put(name, request.spec().get(name));
            }
        }
        long files = 0;
        long lines = 0;
        Map<String, Map<String, Long>> languages = new TreeMap<>();
        List<Map<String, Object>> secrets = new ArrayList<>();
        List<String> failedDirectories = new ArrayList<>();
        for (Job job : request.jobs()) {
            String directory = JsonValues.text(job.spec(), "directory").orElse("?");
            if (!job.succeeded() || job.result() == null) {
                failedDirectories.add(directory);
                continue;
            }
            Map<String, Object> result = job.result();
            files += JsonValues.number(result, "files").orElse(0L);
            lines += JsonValues.number(result, "lines").orElse(0L);
            JsonValues.object(result, "languages").ifPresent(found -> found.forEach((language, counts) -> {
                if (counts instanceof Map<?, ?> map) {
                    Map<String, Long> total = languages.computeIfAbsent(language, name -> new LinkedHashMap<>(Map.of("files", 0L, "lines", 0L)));
                    total.merge("files", count(map.get("files")), Long::sum);
                    total.merge("lines", count(map.get("lines")), Long::sum);
                }
            }));
            secrets.addAll(JsonValues.objects(result, "secrets"));
        }
        int scanned = request.jobs().size() - failedDirectories.size();
        summary.put("directories", request.jobs().size());
        summary.put("files", files);
        summary.put("lines", lines);
        summary.put("languages", languages);
        summary.put("secrets", secrets);
        summary.put("failedDirectories", failedDirectories);
        if (request.jobs().isEmpty()) {
            return "no directories to scan";
        }
        if (scanned == 0) {
            return "repository scan failed: " + counted(request.jobs().size(), "directory") + " failed";
        }
        String headline = files + " files, " + lines + " lines in " + counted(scanned, "directory") + "; "
                + (secrets.isEmpty() ? "no possible secrets" : counted(secrets.size(), "possible secret"));
        return failedDirectories.isEmpty() ? headline : headline + "; " + failedDirectories.size() + " of " + request.jobs().size()
                + " directories failed";
    }

    private static String jobs(JobRequest request, Map<String, Object> summary) {
        long succeeded = request.jobs().stream().filter(Job::succeeded).count();
        summary.put("jobs", request.jobs().size());
        summary.put("succeeded", succeeded);
        return request.kind() + ": " + succeeded + " of " + counted(request.jobs().size(), "job") + " succeeded";
    }

    private static List<Map<String, Object>> failures(List<Job> jobs) {
        List<Map<String, Object>> failures = new ArrayList<>();
        for (Job job : jobs) {
            if (job.succeeded()) {
                continue;
            }
            Map<String, Object> failure = new LinkedHashMap<>();
            failure.put("jobId", job.id().toString());
            failure.put("kind", job.kind());
            JsonValues.text(job.spec(), "directory").ifPresent(directory -> failure.put("directory", directory));
            failure.put("status", job.status());
            failure.put("attempts", job.attempts());
            if (job.exitCode() != null) {
                failure.put("exitCode", job.exitCode());
            }
            failure.put("error", JobRuns.lastLine(job.stderr()));
            failures.add(failure);
        }
        return failures;
    }

    private static Optional<Map<String, Object>> succeededResult(JobRequest request, String kind) {
        return request.jobs().stream().filter(job -> job.kind().equals(kind) && job.succeeded()).findFirst().flatMap(Job::resultIfAny);
    }

    private static long count(Object value) {
        return value instanceof Number number ? number.longValue() : 0;
    }

    private static String counted(long count, String noun) {
        if (count == 1) {
            return "1 " + noun;
        }
        return count + " " + (noun.endsWith("y") ? noun.substring(0, noun.length() - 1) + "ies" : noun + "s");
    }
}
