package io.atoll.cell.contracts.problem;

import io.atoll.cell.contracts.tracing.TraceContextFilter;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.server.exceptions.response.ErrorContext;
import io.micronaut.http.server.exceptions.response.JsonErrorResponseBodyProvider;
import jakarta.inject.Singleton;

import java.util.List;

/**
 * Renders every error response the server makes — bad JSON, failed validation and conversion, unknown
 * routes, oversized bodies, {@link ProblemException}s and uncaught failures — as problem+json.
 * Kept instead of micronaut-problem-json (3.x): that renders Zalando's {@code ThrowableProblem}, with invalid fields
 * as {@code violations} and no trace id, where clients here read {@code errors} and {@code traceId}. Micronaut's own
 * provider stands aside whenever another one exists.
 */
@Singleton
final class ProblemBodyProvider implements JsonErrorResponseBodyProvider<Problem> {
    @Override
    public Problem body(ErrorContext context, HttpResponse<?> response) {
        HttpStatus status = response.status();
        String traceId = context.getRequest().getAttribute(TraceContextFilter.TRACE_ID, String.class).orElse(null);
        String path = context.getRequest().getPath();
        if (context.getRootCause().orElse(null) instanceof ProblemException problem) {
            return new Problem("about:blank", problem.title(), status.getCode(), problem.detail(), path, traceId, null);
        }
        if (status.getCode() >= 500) {
            // Never tell a client how the server failed: the trace id leads an operator to the log.
            return new Problem("about:blank", status.getReason(), status.getCode(),
                    "The server could not complete the request.", path, traceId, null);
        }
        List<Problem.InvalidParameter> errors = context.getErrors().stream()
                .map(error -> new Problem.InvalidParameter(error.getPath().orElse(null), ClientReasons.of(error.getMessage())))
                .toList();
        String detail = errors.size() == 1 ? errors.get(0).reason() : null;
        return new Problem("about:blank", status.getReason(), status.getCode(), detail, path, traceId,
                errors.size() > 1 ? errors : null);
    }

    @Override
    public String contentType() {
        return Problem.CONTENT_TYPE;
    }
}
