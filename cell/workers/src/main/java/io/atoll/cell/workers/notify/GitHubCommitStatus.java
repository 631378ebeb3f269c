package io.atoll.cell.workers.notify;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import io.atoll.cell.workers.domain.notify.Completion;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.serde.annotation.Serdeable;

import java.util.Collection;
import java.util.Map;

import static java.util.Objects.requireNonNull;

/**
 * A repository scan's outcome as a GitHub commit status: success when the scan finished and found no secret,
 * failure when it found secrets, error when it could not finish.
 *
 * @param description at most {@value #DESCRIPTION_LIMIT} characters, as GitHub requires
 * @param targetUrl where the status links to; left out when there is none
 */
@Serdeable
@JsonInclude(JsonInclude.Include.NON_NULL)
record GitHubCommitStatus(String state, String description, String context,
                          @Nullable @JsonProperty("target_url") String targetUrl) {
    static final String CONTEXT = "atoll/repository-scan";
    static final int DESCRIPTION_LIMIT = 140;

    GitHubCommitStatus {
        requireNonNull(state, "state is null");
        requireNonNull(description, "description is null");
        requireNonNull(context, "context is null");
    }

    static GitHubCommitStatus of(Completion completion, @Nullable String targetUrl) {
        return new GitHubCommitStatus(state(completion), TextLimits.shortened(completion.headline(), DESCRIPTION_LIMIT),
                CONTEXT, targetUrl);
    }

    static String state(Completion completion) {
        if (secretsFound(completion.summary())) {
            return "failure";
        }
        return completion.status().equals("succeeded") ? "success" : "error";
    }

    /** The summary's {@code secrets}: the list of findings, or their number. */
    static boolean secretsFound(Map<String, Object> summary) {
        Object secrets = summary.get("secrets");
        if (secrets instanceof Collection<?> findings) {
            return !findings.isEmpty();
        }
        return secrets instanceof Number count && count.longValue() > 0;
    }
}
