package io.atoll.cell.workers.support;

import io.micronaut.serde.ObjectMapper;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/** Storage's API as the tests use it, to make requests and uploads and to look at what the workers made of them. */
public final class StorageApi {
    private final URI base;
    private final String token;
    private final HttpClient http = HttpClient.newHttpClient();

    StorageApi(URI base, String token) {
        this.base = base;
        this.token = token;
    }

    /** Creates a job request; answers its id. */
    public UUID createRequest(String kind, String subjectId, Map<String, Object> spec) {
        Map<String, Object> body = Map.of("kind", kind, "subjectId", subjectId, "spec", spec);
        HttpResponse<byte[]> response = send(request("/storage/v1/job-requests").header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofByteArray(encoded(body))));
        assertThat(response.statusCode()).as(new String(response.body())).isEqualTo(201);
        return UUID.fromString((String) decoded(response).get("id"));
    }

    /** Plans a request into one job, as a planner does. */
    public void plan(UUID request, UUID jobId, String kind, int timeoutSeconds) {
        Map<String, Object> body = Map.of("jobs", List.of(Map.of("id", jobId.toString(), "kind", kind, "timeoutSeconds", timeoutSeconds,
                "spec", Map.of())));
        HttpResponse<byte[]> response = send(request("/storage/v1/job-requests/" + request + "/plan").header("Content-Type", "application/json")
                .PUT(HttpRequest.BodyPublishers.ofByteArray(encoded(body))));
        assertThat(response.statusCode()).as(new String(response.body())).isEqualTo(200);
    }

    /** Starts an attempt of a job held for {@code leaseSeconds}, as an executor does. */
    public void startAttempt(UUID jobId, int leaseSeconds) {
        HttpResponse<byte[]> response = send(request("/storage/v1/jobs/" + jobId + "/attempts").header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofByteArray(encoded(Map.of("leaseSeconds", leaseSeconds)))));
        assertThat(response.statusCode()).as(new String(response.body())).isEqualTo(200);
    }

    public Map<String, Object> request(UUID id) {
        HttpResponse<byte[]> response = send(request("/storage/v1/job-requests/" + id).GET());
        assertThat(response.statusCode()).as(new String(response.body())).isEqualTo(200);
        return decoded(response);
    }

    /** Uploads a photo of a member, which storage makes a photo request of; answers the upload's id. */
    public String upload(String memberId, byte[] photo) {
        HttpResponse<byte[]> response = send(request("/storage/v1/members/" + memberId + "/uploads").header("Content-Type", "application/octet-stream")
                .POST(HttpRequest.BodyPublishers.ofByteArray(photo)));
        assertThat(response.statusCode()).as(new String(response.body())).isEqualTo(201);
        return (String) decoded(response).get("id");
    }

    /** The photo request storage made of an upload. */
    public UUID requestOfUpload(String uploadId) {
        HttpResponse<byte[]> response = send(request("/storage/v1/job-requests?limit=200").GET());
        assertThat(response.statusCode()).isEqualTo(200);
        List<Map<String, Object>> items = JsonViews.objects(decoded(response).get("items"));
        return items.stream().filter(item -> uploadId.equals(item.get("subjectId"))).map(item -> UUID.fromString((String) item.get("id")))
                .findFirst().orElseThrow(() -> new AssertionError("storage made no request of upload " + uploadId));
    }

    /** A file made from an upload, as storage serves it. */
    public HttpResponse<byte[]> derived(String uploadId, String name) {
        return send(request("/storage/v1/uploads/" + uploadId + "/derived/" + name).header("Accept", "*/*").GET());
    }

    private HttpRequest.Builder request(String path) {
        return HttpRequest.newBuilder(base.resolve(path)).header("Authorization", "Bearer " + token).header("Accept", "application/json");
    }

    private HttpResponse<byte[]> send(HttpRequest.Builder request) {
        try {
            return http.send(request.build(), HttpResponse.BodyHandlers.ofByteArray());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private static byte[] encoded(Object body) {
        try {
            return ObjectMapper.getDefault().writeValueAsBytes(body);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static Map<String, Object> decoded(HttpResponse<byte[]> response) {
        return JsonViews.decode(response.body());
    }
}
