package io.atoll.cell.app.storage;

import io.atoll.cell.app.config.ServiceJson;
import io.atoll.cell.app.config.StorageSettings;
import io.atoll.cell.app.domain.MemberRef;
import io.atoll.cell.contracts.IdentityHeaders;
import io.atoll.cell.contracts.problem.ErrorAnswers;
import io.atoll.cell.contracts.problem.Problem;
import io.atoll.cell.contracts.servicetoken.ServiceTokens;
import io.atoll.cell.contracts.servicetoken.TokenUnavailableException;
import io.micronaut.core.type.Argument;
import jakarta.inject.Singleton;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;

import static java.util.Objects.requireNonNull;

/**
 * Storage's internal HTTP API as the app calls it: with the app's service token and the member's home cell, and
 * with storage's failures turned into what the member is told. Storage that cannot be reached, is too slow or
 * answers 5xx is a {@link StorageUnavailableException} (503 with Retry-After); its 4xx problems are a
 * {@link StorageRefusedException} carrying storage's title and detail, never its addresses. A 401 means the
 * token was refused: it is replaced and the request sent once more, when its body can be sent again.
 */
@Singleton
final class StorageClient {
    private static final Logger LOG = LoggerFactory.getLogger(StorageClient.class);
    /** More of an error answer than any problem+json storage writes. */

    private final StorageSettings settings;
    private final ServiceTokens tokens;
    private final ServiceJson json;
    private final HttpClient http;
    private final String base;

    StorageClient(StorageSettings settings, ServiceTokens tokens, ServiceJson json) {
        this.settings = requireNonNull(settings, "settings is null");
        this.tokens = requireNonNull(tokens, "tokens is null");
        this.json = requireNonNull(json, "json is null");
        this.http = HttpClient.newBuilder()
                .version(HttpClient.Version.HTTP_1_1)
                .connectTimeout(settings.connectTimeout())
                .build();
        String url = settings.url().toString();
        this.base = url.endsWith("/") ? url.substring(0, url.length() - 1) : url;
    }

    /** A JSON answer of storage and its status. */
    record Answer<T>(int status, T body) {
    }

    <T> Answer<T> get(String path, Optional<MemberRef> member, Argument<T> type) {
        return decoded(exchange(token -> request(path, member, settings.requestTimeout(), token).GET().build(), true), type);
    }

    /** Sends the body as JSON with the given method and extra headers. */
    <T> Answer<T> send(String method, String path, MemberRef member, Object body, Map<String, String> headers, Argument<T> type) {
        byte[] content = encoded(body);
        return decoded(exchange(token -> {
            HttpRequest.Builder request = request(path, Optional.of(member), settings.requestTimeout(), token)
                    .header("Content-Type", "application/json")
                    .method(method, HttpRequest.BodyPublishers.ofByteArray(content));
            headers.forEach(request::header);
            return request.build();
        }, true), type);
    }

    /** Streams exactly {@code length} bytes to storage as they are read; they can be sent only once. */
    <T> Answer<T> upload(String path, MemberRef member, long length, InputStream bytes, Argument<T> type) {
        HttpRequest.BodyPublisher body = HttpRequest.BodyPublishers.fromPublisher(HttpRequest.BodyPublishers.ofInputStream(() -> bytes), length);
        return decoded(exchange(token -> request(path, Optional.of(member), settings.uploadTimeout(), token)
                .header("Content-Type", "application/octet-stream")
                .POST(body)
                .build(), false), type);
    }

    /** The answer with its body still to be read (and closed) by the caller. */
    HttpResponse<InputStream> download(String path, MemberRef member) {
        return exchange(token -> request(path, Optional.of(member), settings.requestTimeout(), token)
                .header("Accept", "*/*")
                .GET()
                .build(), true);
    }

    /** A value as one path segment. */
    static String segment(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8).replace("+", "%20");
    }

    /** A value as a query parameter's value. */
    static String query(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }

    private HttpRequest.Builder request(String path, Optional<MemberRef> member, Duration timeout, String token) {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(base + path))
                .timeout(timeout)
                .header("Authorization", "Bearer " + token)
                .header("Accept", "application/json");
        member.flatMap(MemberRef::homeCell).ifPresent(cell -> request.header(IdentityHeaders.HOME_CELL, cell));
        return request;
    }

    private HttpResponse<InputStream> exchange(Function<String, HttpRequest> request, boolean replayable) {
        String token = token();
        HttpResponse<InputStream> response = send(request.apply(token));
        if (response.statusCode() == 401) {
            ErrorAnswers.drain(response);
            tokens.refused(token);
            if (!replayable) {
                throw new StorageUnavailableException("storage refused the app's service token; the next attempt takes a new one");
            }
            token = token();
            response = send(request.apply(token));
        }
        return accepted(response);
    }

    private String token() {
        try {
            return tokens.current();
        } catch (TokenUnavailableException unavailable) {
            throw new StorageUnavailableException(unavailable.getMessage(), Optional.empty(), unavailable);
        }
    }

    private HttpResponse<InputStream> send(HttpRequest request) {
        try {
            return http.send(request, HttpResponse.BodyHandlers.ofInputStream());
        } catch (IOException failure) {
            throw new StorageUnavailableException("storage at " + base + " did not answer " + request.method() + " " + request.uri().getPath()
                    + ": " + failure, Optional.empty(), failure);
        } catch (InterruptedException interrupted) {
            Thread.currentThread().interrupt();
            throw new StorageUnavailableException("interrupted while waiting for storage", Optional.empty(), interrupted);
        }
    }

    /** The response if it is a success; otherwise what the member is to be told instead. */
    private HttpResponse<InputStream> accepted(HttpResponse<InputStream> response) {
        int status = response.statusCode();
        if (status >= 200 && status < 300) {
            return response;
        }
        Optional<String> retryAfter = response.headers().firstValue("Retry-After");
        byte[] body = ErrorAnswers.drain(response);
        String where = response.request().method() + " " + response.request().uri().getPath();
        if (status == 401 || status == 403) {
            // The app's own credentials or scopes are wrong: an operator must act, the member can only wait.
            LOG.error("storage refused the app's service token ({}) for {}: {}", status, where, new String(body, StandardCharsets.UTF_8));
            throw new StorageUnavailableException("storage refused the app's service token (" + status + ")");
        }
        if (status >= 400 && status < 500) {
            Optional<Problem> problem = problem(body);
            throw new StorageRefusedException(status, problem.map(Problem::title).orElse("Request refused"),
                    problem.map(Problem::detail).orElse("The request was refused."), retryAfter);
        }
        throw new StorageUnavailableException("storage answered " + status + " to " + where, retryAfter.flatMap(StorageClient::seconds), null);
    }

    private Optional<Problem> problem(byte[] body) {
        try {
            return Optional.of(json.read(body, Argument.of(Problem.class)));
        } catch (IOException | RuntimeException notAProblem) {
            return Optional.empty();
        }
    }

    private static Optional<Duration> seconds(String retryAfter) {
        try {
            return Optional.of(Duration.ofSeconds(Long.parseLong(retryAfter.trim())));
        } catch (NumberFormatException httpDate) {
            return Optional.empty();
        }
    }


    private <T> Answer<T> decoded(HttpResponse<InputStream> response, Argument<T> type) {
        try (InputStream body = response.body()) {
            return new Answer<>(response.statusCode(), json.read(body, type));
        } catch (IOException unreadable) {
            throw new StorageUnavailableException("storage's answer could not be read: " + unreadable, Optional.empty(), unreadable);
        }
    }

    private byte[] encoded(Object body) {
        try {
            return json.write(body);
        } catch (IOException impossible) {
            throw new IllegalStateException("cannot write " + body.getClass().getSimpleName() + " as JSON", impossible);
        }
    }
}
