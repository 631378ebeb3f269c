package io.atoll.cell.workers.notify;

import io.atoll.cell.workers.domain.notify.Notification;
import io.atoll.cell.workers.domain.notify.NotificationFailedException;
import io.micronaut.json.JsonMapper;
import jakarta.inject.Singleton;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpConnectTimeoutException;
import java.net.http.HttpHeaders;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Flow;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

import static java.util.Objects.requireNonNull;

/**
 * Posts one notification as JSON to its receiver and judges the answer the same way for every channel: a 2xx is
 * delivered; 408, 429, a 5xx, a timeout or a broken connection may pass if tried again; any other answer will not.
 * Every request carries the notification's id ({@value #IDEMPOTENCY_KEY} and {@value #NOTIFICATION_ID}), so a
 * receiver that sees a retry of something it already handled can tell.
 */
@Singleton
final class NotificationPoster {
    static final String IDEMPOTENCY_KEY = "Idempotency-Key";
    static final String NOTIFICATION_ID = "X-Atoll-Notification-Id";
    static final String NOTIFICATION_ATTEMPT = "X-Atoll-Notification-Attempt";
    /** Enough of an error answer for its first line; the rest is not read. */
    private static final int ERROR_BODY_BYTES = 4 * 1024;
    private static final int REASON_LINE_CHARS = 200;

    private final NotificationHttpSettings settings;
    private final JsonMapper json;
    private final HttpClient http;

    NotificationPoster(NotificationHttpSettings settings, JsonMapper json) {
        this.settings = requireNonNull(settings, "settings is null");
        this.json = requireNonNull(json, "json is null");
        this.http = HttpClient.newBuilder()
                .version(HttpClient.Version.HTTP_1_1)
                .connectTimeout(settings.connectTimeout())
                .followRedirects(HttpClient.Redirect.NEVER)
                .build();
    }

    /** A notification's body as JSON; a body that cannot be written never will be, so it is not retried. */
    byte[] json(Object body) throws NotificationFailedException {
        try {
            return json.writeValueAsBytes(body);
        } catch (IOException | RuntimeException unwritable) {
            throw new NotificationFailedException("the notification could not be written as JSON: " + unwritable, false, unwritable);
        }
    }

    /**
     * Sends it once.
     *
     * @param headers sent besides Content-Type, User-Agent and the notification's id and attempt
     */
    void post(URI url, Notification notification, Map<String, String> headers, byte[] json) throws NotificationFailedException {
        HttpRequest.Builder request = HttpRequest.newBuilder(url)
                .timeout(settings.requestTimeout())
                .header("Content-Type", "application/json")
                .header("User-Agent", "atoll-workers")
                .header(IDEMPOTENCY_KEY, notification.id().toString())
                .header(NOTIFICATION_ID, notification.id().toString())
                .header(NOTIFICATION_ATTEMPT, Integer.toString(notification.attempt()))
                .POST(HttpRequest.BodyPublishers.ofByteArray(json));
        headers.forEach(request::header);
        String receiver = receiver(url);
        CompletableFuture<HttpResponse<byte[]>> exchange = http.sendAsync(request.build(), answer -> new FirstBytes(ERROR_BODY_BYTES));
        HttpResponse<byte[]> response;
        try {
            // The request timeout covers the answer's head only; this bounds its body too.
            response = exchange.get(settings.requestTimeout().toMillis(), TimeUnit.MILLISECONDS);
        } catch (TimeoutException slow) {
            exchange.cancel(true);
            throw new NotificationFailedException(receiver + " did not answer within " + seconds(settings.requestTimeout()), true, slow);
        } catch (ExecutionException failed) {
            throw unreachable(receiver, failed.getCause());
        } catch (InterruptedException interrupted) {
            exchange.cancel(true);
            Thread.currentThread().interrupt();
            throw new NotificationFailedException("interrupted while sending to " + receiver, true, interrupted);
        }
        int status = response.statusCode();
        if (status < 200 || status >= 300) {
            String body = new String(response.body(), StandardCharsets.UTF_8);
            throw new NotificationFailedException("HTTP " + status + " from " + receiver + ": " + firstLine(body), retryable(status, response.headers()));
        }
    }

    private NotificationFailedException unreachable(String receiver, Throwable cause) {
        if (cause instanceof HttpConnectTimeoutException) {
            return new NotificationFailedException("could not connect to " + receiver + " within " + seconds(settings.connectTimeout()), true, cause);
        }
        if (cause instanceof HttpTimeoutException) {
            return new NotificationFailedException(receiver + " did not answer within " + seconds(settings.requestTimeout()), true, cause);
        }
        return new NotificationFailedException("could not reach " + receiver + ": " + cause, true, cause);
    }

    /**
     * Whether an answer other than 2xx may turn out differently later. Besides 408, 429 and 5xx, a refusal that says
     * when to come back (Retry-After, or GitHub's rate limit: a 403 with no requests remaining) is retryable.
     */
    static boolean retryable(int status, HttpHeaders headers) {
        return status == 408 || status == 429 || status >= 500
                || headers.firstValue("Retry-After").isPresent()
                || headers.firstValue("X-RateLimit-Remaining").filter("0"::equals).isPresent();
    }

    /** Scheme, host and port: an address with nothing in it that could be a credential. */
    static String origin(URI url) {
        return url.getScheme() + "://" + receiver(url);
    }

    /** An address as it may be logged and recorded: no user info, no query (either may hold a credential). */
    static String withoutCredentials(URI url) {
        return origin(url) + (url.getRawPath() == null ? "" : url.getRawPath());
    }

    /** The first line of a receiver's answer, short enough for the record. */
    static String firstLine(String body) {
        String line = body.strip().lines().findFirst().orElse("").strip();
        if (line.isEmpty()) {
            return "(empty body)";
        }
        return line.length() <= REASON_LINE_CHARS ? line : line.substring(0, REASON_LINE_CHARS) + "…";
    }

    /** Only the host: a receiver's path may be its credential (a Slack webhook's is). */
    private static String receiver(URI url) {
        return url.getPort() == -1 ? url.getHost() : url.getHost() + ":" + url.getPort();
    }

    private static String seconds(Duration duration) {
        long millis = duration.toMillis();
        return millis % 1000 == 0 ? millis / 1000 + " s" : millis + " ms";
    }

    /**
     * Keeps the first bytes of an answer and stops reading there, so that a large or endless answer neither fills
     * memory nor holds the sender.
     */
    private static final class FirstBytes implements HttpResponse.BodySubscriber<byte[]> {
        private final int limit;
        private final ByteArrayOutputStream kept = new ByteArrayOutputStream();
        private final CompletableFuture<byte[]> body = new CompletableFuture<>();
        private Flow.Subscription subscription;

        FirstBytes(int limit) {
            this.limit = limit;
        }

        @Override
        public CompletionStage<byte[]> getBody() {
            return body;
        }

        @Override
        public void onSubscribe(Flow.Subscription subscription) {
            this.subscription = subscription;
            subscription.request(1);
        }

        @Override
        public void onNext(List<ByteBuffer> buffers) {
            if (body.isDone()) {
                return;
            }
            for (ByteBuffer buffer : buffers) {
                int take = Math.min(buffer.remaining(), limit - kept.size());
                byte[] bytes = new byte[take];
                buffer.get(bytes);
                kept.write(bytes, 0, take);
            }
            if (kept.size() >= limit) {
                subscription.cancel();
                body.complete(kept.toByteArray());
            } else {
                subscription.request(1);
            }
        }

        @Override
        public void onError(Throwable failure) {
            body.completeExceptionally(failure);
        }

        @Override
        public void onComplete() {
            body.complete(kept.toByteArray());
        }
    }
}
