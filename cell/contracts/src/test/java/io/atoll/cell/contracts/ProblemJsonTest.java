package io.atoll.cell.contracts;

import io.atoll.cell.contracts.problem.ProblemException;
import io.atoll.cell.contracts.tracing.TraceContextFilter;
import io.micronaut.context.annotation.Requires;
import io.micronaut.core.annotation.Introspected;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.MediaType;
import io.micronaut.http.annotation.Body;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.Post;
import io.micronaut.http.client.HttpClient;
import io.micronaut.http.client.annotation.Client;
import io.micronaut.http.client.exceptions.HttpClientResponseException;
import io.micronaut.serde.annotation.Serdeable;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.NotBlank;
import org.junit.jupiter.api.Test;
import org.slf4j.LoggerFactory;
import org.slf4j.MDC;

import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

@MicronautTest
@io.micronaut.context.annotation.Property(name = "spec.name", value = "ProblemJsonTest")
@io.micronaut.context.annotation.Property(name = "micronaut.serde.deserialization.ignore-unknown", value = "false")
class ProblemJsonTest {
    @Inject
    @Client("/")
    HttpClient client;

    @Test
    void aProblemExceptionKeepsItsStatusTitleDetailAndHeaders() {
        HttpClientResponseException error = call(HttpRequest.GET("/probe/busy"));

        assertThat(error.getStatus().getCode()).isEqualTo(HttpStatus.SERVICE_UNAVAILABLE.getCode());
        assertThat(error.getResponse().getHeaders().get("Retry-After")).isEqualTo("7");
        assertThat(contentType(error)).isEqualTo("application/problem+json");
        Map<String, Object> problem = body(error);
        assertThat(problem).containsEntry("title", "Store unavailable").containsEntry("status", 503)
                .containsEntry("detail", "try again shortly").containsEntry("instance", "/probe/busy");
        assertThat(problem.get("traceId")).asString().hasSize(32);
    }

    @Test
    void anUncaughtFailureIsABare500WithoutItsMessage() {
        HttpClientResponseException error = call(HttpRequest.GET("/probe/crash"));

        assertThat(error.getStatus().getCode()).isEqualTo(HttpStatus.INTERNAL_SERVER_ERROR.getCode());
        assertThat(contentType(error)).isEqualTo("application/problem+json");
        assertThat(error.getResponse().getBody(String.class).orElseThrow()).doesNotContain("secret-internal-detail").doesNotContain("Exception");
    }

    @Test
    void failedValidationNamesEachInvalidField() {
        HttpClientResponseException error = call(HttpRequest.POST("/probe/things", Map.of("name", "", "size", 99)));

        assertThat(error.getStatus().getCode()).isEqualTo(HttpStatus.BAD_REQUEST.getCode());
        assertThat(contentType(error)).isEqualTo("application/problem+json");
        assertThat(error.getResponse().getBody(String.class).orElseThrow()).contains("name").contains("size");
    }

    @Test
    void unreadableJsonIsA400() {
        HttpClientResponseException error = call(HttpRequest.POST("/probe/things", "{not json").contentType(MediaType.APPLICATION_JSON));

        assertThat(error.getStatus().getCode()).isEqualTo(HttpStatus.BAD_REQUEST.getCode());
        assertThat(contentType(error)).isEqualTo("application/problem+json");
    }

    @Test
    void anUnknownFieldIsNamedWithoutTheServersClasses() {
        HttpClientResponseException error = call(HttpRequest.POST("/probe/things", Map.of("name", "a", "size", 1, "colour", "red")));

        assertThat(error.getStatus().getCode()).isEqualTo(HttpStatus.BAD_REQUEST.getCode());
        assertThat(body(error)).containsEntry("detail", "Unknown field 'colour'.");
        assertNoClassNamed(error);
    }

    @Test
    void aValueOfTheWrongKindIsPlacedWithoutTheServersClasses() {
        HttpClientResponseException error = call(HttpRequest.POST("/probe/things", Map.of("name", Map.of("first", "a"), "size", 1)));

        assertThat(error.getStatus().getCode()).isEqualTo(HttpStatus.BAD_REQUEST.getCode());
        assertThat(body(error).get("detail")).asString().matches("A value of the wrong kind at line 1, column \\d+ of the body\\.");
        assertNoClassNamed(error);
    }

    @Test
    void unreadableJsonNamesNoClassOfTheServer() {
        HttpClientResponseException error = call(HttpRequest.POST("/probe/things", "{\"name\": \"a\", \"size\": ").contentType(MediaType.APPLICATION_JSON));

        assertThat(error.getStatus().getCode()).isEqualTo(HttpStatus.BAD_REQUEST.getCode());
        assertNoClassNamed(error);
    }

    @Test
    void anUnknownRouteIsA404Problem() {
        HttpClientResponseException error = call(HttpRequest.GET("/nowhere"));

        assertThat(error.getStatus().getCode()).isEqualTo(HttpStatus.NOT_FOUND.getCode());
        assertThat(body(error)).containsEntry("status", 404);
    }

    @Test
    void theCallersTraceIsContinuedAndLogged() {
        String traceparent = "00-0af7651916cd43dd8448eb211c80319c-b7ad6b7169203331-01";

        HttpResponse<String> response = client.toBlocking().exchange(HttpRequest.GET("/probe/trace").header("traceparent", traceparent), String.class);

        assertThat(response.body()).isEqualTo("0af7651916cd43dd8448eb211c80319c");
        assertThat(response.getHeaders().get("traceparent")).startsWith("00-0af7651916cd43dd8448eb211c80319c-").doesNotContain("b7ad6b7169203331");
    }

    @Test
    void aMalformedTraceparentStartsANewTrace() {
        HttpResponse<String> response = client.toBlocking().exchange(HttpRequest.GET("/probe/trace").header("traceparent", "garbage"), String.class);

        assertThat(response.body()).hasSize(32).matches("[0-9a-f]+");
    }

    private HttpClientResponseException call(HttpRequest<?> request) {
        return catchThrowableOfType(HttpClientResponseException.class, () -> client.toBlocking().exchange(request, String.class));
    }

    private static void assertNoClassNamed(HttpClientResponseException error) {
        assertThat(error.getResponse().getBody(String.class).orElseThrow())
                .doesNotContain("io.atoll").doesNotContain("java.").doesNotContain("Exception").doesNotContain("Thing");
    }

    private static String contentType(HttpClientResponseException error) {
        return error.getResponse().getHeaders().get("Content-Type");
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> body(HttpClientResponseException error) {
        return error.getResponse().getBody(Map.class).orElseThrow();
    }

    @Serdeable
    @Introspected
    record Thing(@NotBlank String name, @Max(10) int size) {
    }

    @Requires(property = "spec.name", value = "ProblemJsonTest")
    @Controller("/probe")
    static class ProbeController {
        @Get("/busy")
        String busy() {
            throw new ProblemException(HttpStatus.SERVICE_UNAVAILABLE, "Store unavailable", "try again shortly").withHeader("Retry-After", "7");
        }

        @Get("/crash")
        String crash() {
            throw new IllegalStateException("secret-internal-detail");
        }

        @Post("/things")
        String things(@Body @Valid Thing thing) {
            return thing.name();
        }

        @Get("/trace")
        String trace() {
            LoggerFactory.getLogger(ProbeController.class).info("tracing");
            return MDC.get(TraceContextFilter.MDC_KEY);
        }
    }
}
