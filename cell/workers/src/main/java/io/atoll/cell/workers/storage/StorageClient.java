package io.atoll.cell.workers.storage;

import io.atoll.cell.contracts.problem.ErrorAnswers;
import io.atoll.cell.contracts.problem.Problem;
import io.atoll.cell.contracts.servicetoken.ServiceTokens;
import io.atoll.cell.contracts.servicetoken.TokenUnavailableException;
import io.atoll.cell.contracts.tracing.TraceContextFilter;
import io.atoll.cell.contracts.tracing.TraceParent;
import io.atoll.cell.workers.config.StorageSettings;
import io.atoll.cell.workers.domain.pipeline.CompletionReport;
import io.atoll.cell.workers.domain.pipeline.Job;
import io.atoll.cell.workers.domain.pipeline.JobOutcome;
import io.atoll.cell.workers.domain.pipeline.JobRequest;
import io.atoll.cell.workers.domain.pipeline.JobResult;
import io.atoll.cell.workers.domain.pipeline.NotificationRecord;
import io.atoll.cell.workers.domain.pipeline.PipelineStorage;
import io.atoll.cell.workers.domain.pipeline.PlannedJob;
import io.micronaut.core.type.Argument;
import io.micronaut.serde.ObjectMapper;
import jakarta.inject.Singleton;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.FileNotFoundException;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

import static java.util.Objects.requireNonNull;

/**
 * Storage's internal API as the workers call it (the cell's job pipeline contract), with the workers' service token
 * and the trace of the work each call belongs to. A 4xx problem is a {@link StorageRefusedException} with storage's
 * title and detail: no retry helps. Storage that cannot be reached, is too slow or answers 5xx, and a token that
 * cannot be had, are a {@link StorageUnavailableException}: a retry may. A 401 means the token was refused: it is
 * replaced and the call sent once more.
 */
@Singleton
public final class StorageClient implements PipelineStorage {
    private static final Logger LOG = LoggerFactory.getLogger(StorageClient.class);
    private static final String API = "/storage/v1";
    /** More of an error answer than any problem+json storage writes. */
    /** As many of a member's past results as near-duplicates are looked for among. */
    private static final int MEMBER_RESULTS = 200;

    private final StorageSettings settings;
    private final ServiceTokens tokens;
    private final ObjectMapper json;
    private final HttpClient http;
    private final String base;

    public StorageClient(StorageSettings settings, ServiceTokens tokens, ObjectMapper json) {
        this.settings = requireNonNull(settings, "settings is null");
        this.tokens = requireNonNull(tokens, "tokens is null");
        this.json = requireNonNull(json, "json is null");
        this.http = HttpClient.newBuilder()
                .version(HttpClient.Version.HTTP_1_1)
                .connectTimeout(settings.connectTimeout())
                .build();
        this.base = settings.url().toString().replaceAll("/+$", "") + API;
    }

    @Override
    public JobRequest request(UUID requestId, TraceParent trace) {
        return read(call("GET", "/job-requests/" + requestId, trace).send(), Argument.of(JobRequest.class));
    }

    @Override
    public JobRequest plan(UUID requestId, List<PlannedJob> jobs, TraceParent trace) {
        return read(call("PUT", "/job-requests/" + requestId + "/plan", trace).json(new StorageJson.PlanBody(jobs.stream()
                .map(job -> new StorageJson.PlannedJobBody(job.id(), job.kind(), job.timeoutSeconds(), job.spec())).toList())).send(),
                Argument.of(JobRequest.class));
    }

    @Override
    public Optional<Job> startAttempt(UUID jobId, Duration lease, TraceParent trace) {
        return unlessConflict(call("POST", "/jobs/" + jobId + "/attempts", trace).json(new StorageJson.AttemptBody(lease.toSeconds())),
                Argument.of(Job.class));
    }

    @Override
    public Job recordOutcome(UUID jobId, JobOutcome outcome, TraceParent trace) {
        StorageJson.OutcomeBody body = new StorageJson.OutcomeBody(outcome.status(), outcome.finalOutcome(), outcome.exitCode(), outcome.result(),
                outcome.stderr());
        return read(call("PUT", "/jobs/" + jobId + "/outcome", trace).json(body).send(), Argument.of(Job.class));
    }

    @Override
    public List<Job> staleJobs(TraceParent trace) {
        return read(call("GET", "/jobs/stale", trace).send(), Argument.of(StorageJson.JobList.class)).items();
    }

    @Override
    public JobRequest complete(UUID requestId, CompletionReport report, TraceParent trace) {
        return read(call("PUT", "/job-requests/" + requestId + "/completion", trace)
                .json(new StorageJson.CompletionBody(report.status(), report.summary(), report.headline())).send(), Argument.of(JobRequest.class));
    }

    @Override
    public Optional<NotificationRecord> startNotification(UUID notificationId, UUID requestId, String channel, String target, Duration lease,
                                                          TraceParent trace) {
        return unlessConflict(call("POST", "/notifications/" + notificationId + "/attempts", trace)
                .json(new StorageJson.NotificationAttemptBody(requestId, channel, target, lease.toSeconds())), Argument.of(NotificationRecord.class));
    }

    @Override
    public NotificationRecord recordNotification(NotificationRecord notification, TraceParent trace) {
        StorageJson.NotificationBody body = new StorageJson.NotificationBody(notification.requestId(), notification.channel(), notification.target(),
                notification.status(), notification.attempts(), notification.lastError());
        return read(call("PUT", "/notifications/" + notification.id(), trace).json(body).send(), Argument.of(NotificationRecord.class));
    }

    @Override
    public List<JobResult> memberResults(String memberId, String kind, TraceParent trace) {
        String path = "/members/" + segment(memberId) + "/job-results?kind=" + URLEncoder.encode(kind, StandardCharsets.UTF_8) + "&limit="
                + MEMBER_RESULTS;
        return read(call("GET", path, trace).send(), Argument.of(StorageJson.JobResultList.class)).items();
    }

    @Override
    public void downloadUpload(String uploadId, Path target, TraceParent trace) {
        HttpResponse<InputStream> response = call("GET", "/uploads/" + segment(uploadId) + "/content", trace)
                .accepting("*/*")
                .timeout(settings.transferTimeout())
                .send();
        try (InputStream content = response.body()) {
            Files.copy(content, target, StandardCopyOption.REPLACE_EXISTING);
        } catch (IOException broken) {
            throw new StorageUnavailableException("the content of upload " + uploadId + " did not arrive whole: " + broken, broken);
        }
    }

    @Override
    public String storeDerived(String uploadId, String name, Path file, String contentType, TraceParent trace) {
        if (!Files.isRegularFile(file)) {
            throw new IllegalArgumentException("no file " + file + " to store as " + name);
        }
        return read(call("PUT", "/uploads/" + segment(uploadId) + "/derived/" + segment(name), trace)
                .body(contentType, () -> fileContent(file))
                .timeout(settings.transferTimeout())
                .send(), Argument.of(StorageJson.StoredObject.class)).key();
    }

    @Override
    public boolean processed(String consumer, String messageId, TraceParent trace) {
        HttpResponse<InputStream> response = call("GET", processedPath(consumer, messageId), trace).tolerating(404).send();
        ErrorAnswers.drain(response);
        return response.statusCode() != 404;
    }

    @Override
    public void markProcessed(String consumer, String messageId, TraceParent trace) {
        ErrorAnswers.drain(call("PUT", processedPath(consumer, messageId), trace).send());
    }

    /** Deletes up to {@code limit} expired uploads with everything made from them; see {@link PurgedUploads}. */
    public PurgedUploads purgeExpiredUploads(int limit) {
        if (limit < 1) {
            throw new IllegalArgumentException("limit must be at least 1, not " + limit);
        }
        return read(call("POST", "/uploads/purge-expired", TraceParent.newTrace()).json(new StorageJson.PurgeBody(limit)).send(),
                Argument.of(PurgedUploads.class));
    }

    private static HttpRequest.BodyPublisher fileContent(Path file) {
        try {
            return HttpRequest.BodyPublishers.ofFile(file);
        } catch (FileNotFoundException gone) {
            throw new UncheckedIOException("the file " + file + " went away before it was stored", gone);
        }
    }

    private static String processedPath(String consumer, String messageId) {
        return "/processed-messages/" + segment(consumer) + "/" + segment(messageId);
    }

    /** A value as one path segment. */
    static String segment(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8).replace("+", "%20");
    }

    /** Storage's answer, or none when it answered 409: what was to start is final already, or held by another worker. */
    private <T> Optional<T> unlessConflict(Call call, Argument<T> type) {
        HttpResponse<InputStream> response = call.tolerating(409).send();
        if (response.statusCode() == 409) {
            ErrorAnswers.drain(response);
            return Optional.empty();
        }
        return Optional.of(read(response, type));
    }

    private Call call(String method, String path, TraceParent trace) {
        return new Call(method, path, trace);
    }

    /** One call to storage being put together, then sent. */
    private final class Call {
        private final String method;
        private final String path;
        private final TraceParent trace;
        private Duration timeout = settings.requestTimeout();
        private String accept = "application/json";
        private String contentType;
        private BodySource body = HttpRequest.BodyPublishers::noBody;
        private Set<Integer> tolerated = Set.of();

        Call(String method, String path, TraceParent trace) {
            this.method = method;
            this.path = path;
            this.trace = requireNonNull(trace, "trace is null");
        }

        Call json(Object value) {
            byte[] encoded;
            try {
                encoded = json.writeValueAsBytes(value);
            } catch (IOException impossible) {
                throw new IllegalStateException("cannot write " + value.getClass().getSimpleName() + " as JSON", impossible);
            }
            return body("application/json", () -> HttpRequest.BodyPublishers.ofByteArray(encoded));
        }

        Call body(String type, BodySource source) {
            this.contentType = type;
            this.body = source;
            return this;
        }

        Call accepting(String type) {
            this.accept = type;
            return this;
        }

        Call timeout(Duration value) {
            this.timeout = value;
            return this;
        }

        /** Statuses besides 2xx that the caller reads itself. */
        Call tolerating(Integer... statuses) {
            this.tolerated = Set.of(statuses);
            return this;
        }

        HttpResponse<InputStream> send() {
            String token = token();
            HttpResponse<InputStream> response = exchange(token);
            if (response.statusCode() == 401) {
                ErrorAnswers.drain(response);
                tokens.refused(token);
                response = exchange(token());
            }
            return accepted(response);
        }

        private HttpResponse<InputStream> exchange(String token) {
            HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(base + path))
                    .timeout(timeout)
                    .header("Authorization", "Bearer " + token)
                    .header("Accept", accept)
                    .header(TraceContextFilter.HEADER, trace.header())
                    .method(method, body.publisher());
            if (contentType != null) {
                request.header("Content-Type", contentType);
            }
            try {
                return http.send(request.build(), HttpResponse.BodyHandlers.ofInputStream());
            } catch (IOException failure) {
                throw new StorageUnavailableException("storage at " + base + " did not answer " + method + " " + path + ": " + failure, failure);
            } catch (InterruptedException interrupted) {
                Thread.currentThread().interrupt();
                throw new StorageUnavailableException("interrupted while waiting for storage to answer " + method + " " + path, interrupted);
            }
        }

        private HttpResponse<InputStream> accepted(HttpResponse<InputStream> response) {
            int status = response.statusCode();
            if (status >= 200 && status < 300 || tolerated.contains(status)) {
                return response;
            }
            byte[] answer = ErrorAnswers.drain(response);
            String where = method + " " + path;
            if (status == 401 || status == 403) {
                // The workers' own credentials or scopes are wrong: an operator must act; the work waits in the retry queues.
                LOG.error("storage refused the workers' service token ({}) for {}: {}", status, where, new String(answer, StandardCharsets.UTF_8));
                throw new StorageUnavailableException("storage refused the workers' service token (" + status + ") for " + where);
            }
            if (status >= 400 && status < 500) {
                Optional<Problem> problem = problem(answer);
                throw new StorageRefusedException(status, problem.map(Problem::title).orElse("Request refused"),
                        problem.map(Problem::detail).orElse(where + " was refused") + " (" + where + ")");
            }
            throw new StorageUnavailableException("storage answered " + status + " to " + where);
        }
    }

    /** Makes the request body afresh for each sending, since a refused token means sending it again. */
    @FunctionalInterface
    private interface BodySource {
        HttpRequest.BodyPublisher publisher();
    }

    private String token() {
        try {
            return tokens.current();
        } catch (TokenUnavailableException unavailable) {
            throw new StorageUnavailableException(unavailable.getMessage(), unavailable);
        }
    }

    private <T> T read(HttpResponse<InputStream> response, Argument<T> type) {
        try (InputStream body = response.body()) {
            return json.readValue(body, type);
        } catch (IOException | RuntimeException unreadable) {
            throw new StorageUnavailableException("storage's answer to " + response.request().method() + " " + response.request().uri().getPath()
                    + " could not be read: " + unreadable, unreadable);
        }
    }

    private Optional<Problem> problem(byte[] body) {
        try {
            return Optional.of(json.readValue(body, Problem.class));
        } catch (IOException | RuntimeException notAProblem) {
            return Optional.empty();
        }
    }

}
