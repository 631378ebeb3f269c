package io.atoll.cell.workers.domain.pipeline;

import java.nio.charset.StandardCharsets;
import java.util.UUID;

/**
 * Ids derived from what they name (name-based UUIDs), so that planning a request again, or completing it twice,
 * names the same jobs and the same notifications.
 */
public final class PipelineIds {
    private PipelineIds() {
    }

    /**
     * @param name the job's name within the request: its kind, with the directory for a repository scan
     */
    public static UUID job(UUID requestId, String name) {
        return derived(requestId, name);
    }

    public static UUID notification(UUID requestId, String channel) {
        return derived(requestId, channel);
    }

    private static UUID derived(UUID requestId, String name) {
        return UUID.nameUUIDFromBytes((requestId + ":" + name).getBytes(StandardCharsets.UTF_8));
    }
}
