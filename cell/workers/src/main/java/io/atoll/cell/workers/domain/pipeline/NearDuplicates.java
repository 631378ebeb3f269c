package io.atoll.cell.workers.domain.pipeline;

import io.atoll.cell.jobs.photo.DifferenceHash;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * A member's other photos that look like this one: their difference hashes (from their inspections) are within
 * the near-duplicate distance of the job programs' own rule ({@link DifferenceHash}).
 */
public final class NearDuplicates {
    private NearDuplicates() {
    }

    /**
     * @param uploadId this photo, left out of the answer though it may be among {@code others}
     * @param dhash this photo's difference hash
     * @param others the saved summaries of the member's photos
     * @return {@code {"uploadId", "requestId", "distance"}} for each near-duplicate, closest first
     */
    public static List<Map<String, Object>> of(String uploadId, String dhash, List<JobResult> others) {
        List<Map<String, Object>> found = new ArrayList<>();
        for (JobResult other : others) {
            if (other.subjectId().equals(uploadId)) {
                continue;
            }
            distance(dhash, other).filter(distance -> distance <= DifferenceHash.NEAR_DUPLICATE_MAX_DISTANCE).ifPresent(distance -> {
                Map<String, Object> duplicate = new LinkedHashMap<>();
                duplicate.put("uploadId", other.subjectId());
                duplicate.put("requestId", other.requestId().toString());
                duplicate.put("distance", distance);
                found.add(duplicate);
            });
        }
        found.sort(Comparator.comparingInt(duplicate -> (Integer) duplicate.get("distance")));
        return found;
    }

    /** The distance to another photo's hash; empty when that photo has no readable one (its inspection failed). */
    private static Optional<Integer> distance(String dhash, JobResult other) {
        Optional<String> otherHash = JsonValues.object(other.data(), "inspection").flatMap(inspection -> JsonValues.text(inspection, "dhash"));
        if (otherHash.isEmpty()) {
            return Optional.empty();
        }
        try {
            return Optional.of(DifferenceHash.distance(dhash, otherHash.get()));
        } catch (IllegalArgumentException unreadable) {
            return Optional.empty();
        }
    }
}
