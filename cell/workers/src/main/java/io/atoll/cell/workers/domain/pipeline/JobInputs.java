package io.atoll.cell.workers.domain.pipeline;

import io.atoll.cell.contracts.tracing.TraceParent;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

import static java.util.Objects.requireNonNull;

/**
 * What a job program reads and what it leaves behind. A photo job gets the upload's content as {@code original}
 * in its work folder and its spec names it ({@code input}, and {@code outputDir} for thumbnails); every thumbnail
 * it makes is stored under the upload before its success is recorded, so a recorded success always has its
 * thumbnails. Other jobs get their stored spec as it is.
 */
public final class JobInputs {
    static final String ORIGINAL = "original";
    static final String THUMBNAILS = "thumbnails";
    private static final String THUMBNAIL_TYPE = "image/jpeg";
    /** A plain file name: what a program names in its result must not lead out of its output folder. */
    private static final Pattern FILE_NAME = Pattern.compile("[A-Za-z0-9_-][A-Za-z0-9._-]{0,127}");

    private final PipelineStorage storage;

    public JobInputs(PipelineStorage storage) {
        this.storage = requireNonNull(storage, "storage is null");
    }

    /** The spec the program is started with, once its inputs are in {@code workDir}. */
    public Map<String, Object> prepare(Job job, Path workDir, TraceParent trace) {
        return switch (job.kind()) {
            case JobKinds.PHOTO_THUMBNAILS -> {
                Map<String, Object> spec = new LinkedHashMap<>();
                spec.put("input", original(job, workDir, trace).toString());
                spec.put("outputDir", workDir.resolve(THUMBNAILS).toString());
                spec.put("sizes", job.spec().get("sizes"));
                yield spec;
            }
            case JobKinds.PHOTO_INSPECTION -> Map.of("input", original(job, workDir, trace).toString());
            default -> job.spec();
        };
    }

    /** Stores what the program made that outlives its work folder; answers its result with where each thing went. */
    public Map<String, Object> keepOutputs(Job job, Path workDir, Map<String, Object> result, TraceParent trace) {
        if (!job.kind().equals(JobKinds.PHOTO_THUMBNAILS)) {
            return result;
        }
        String uploadId = uploadId(job);
        List<Map<String, Object>> stored = new ArrayList<>();
        for (Map<String, Object> thumbnail : JsonValues.objects(result, "thumbnails")) {
            String name = JsonValues.text(thumbnail, "name").filter(candidate -> FILE_NAME.matcher(candidate).matches())
                    .orElseThrow(() -> new IllegalStateException("the thumbnails program named a thumbnail without a plain file name: " + thumbnail));
            Path file = workDir.resolve(THUMBNAILS).resolve(name);
            if (!Files.isRegularFile(file)) {
                throw new IllegalStateException("the thumbnails program listed " + name + " but did not write it");
            }
            Map<String, Object> withKey = new LinkedHashMap<>(thumbnail);
            withKey.put("key", storage.storeDerived(uploadId, name, file, THUMBNAIL_TYPE, trace));
            stored.add(withKey);
        }
        Map<String, Object> kept = new LinkedHashMap<>(result);
        kept.put("thumbnails", stored);
        return kept;
    }

    private Path original(Job job, Path workDir, TraceParent trace) {
        Path original = workDir.resolve(ORIGINAL);
        storage.downloadUpload(uploadId(job), original, trace);
        return original;
    }

    private static String uploadId(Job job) {
        return JsonValues.text(job.spec(), "uploadId")
                .orElseThrow(() -> new UnprocessableException("photo job " + job.id() + " names no uploadId in its spec"));
    }
}
