package io.atoll.router;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;

/** A mobile client (or an operator's tool) talking to one of the router's ports. */
final class RouterClient {
    private final HttpClient client = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(2)).build();
    private final URI base;

    RouterClient(int port) {
        this.base = URI.create("http://127.0.0.1:" + port);
    }

    HttpRequest.Builder request(String path) {
        return HttpRequest.newBuilder(base.resolve(path)).timeout(Duration.ofSeconds(10));
    }

    HttpResponse<String> get(String path, String... headers) {
        return send(request(path).headers(headers.length == 0 ? new String[]{"Accept", "*/*"} : headers).GET().build());
    }

    HttpResponse<String> post(String path, String body, String... headers) {
        return send(request(path).headers(headers.length == 0 ? new String[]{"Accept", "*/*"} : headers)
                .POST(HttpRequest.BodyPublishers.ofString(body)).build());
    }

    HttpResponse<String> send(HttpRequest request) {
        try {
            return client.send(request, HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    <T> HttpResponse<T> send(HttpRequest request, HttpResponse.BodyHandler<T> body) throws IOException, InterruptedException {
        return client.send(request, body);
    }

    static String cell(HttpResponse<?> response) {
        return response.headers().firstValue("X-Atoll-Cell").orElse(null);
    }

    static String reason(HttpResponse<?> response) {
        return response.headers().firstValue("X-Atoll-Route-Reason").orElse(null);
    }
}
