package io.atoll.cell.contracts.problem;

import com.fasterxml.jackson.annotation.JsonInclude;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.serde.annotation.Serdeable;

import java.util.List;

/**
 * An error as RFC 9457 describes it ({@code application/problem+json}).
 *
 * @param type a URI naming the kind of problem; {@code about:blank} when the status says it all
 * @param title a short summary of the kind of problem
 * @param status the HTTP status
 * @param detail what went wrong with this request, for a person to read
 * @param instance the path of the request
 * @param traceId the trace id under which the server logged the request
 * @param errors one entry per invalid part of the request, when there are several
 */
@Serdeable
@JsonInclude(JsonInclude.Include.NON_EMPTY)
public record Problem(String type, String title, int status, @Nullable String detail, @Nullable String instance,
                      @Nullable String traceId, @Nullable List<InvalidParameter> errors) {
    public static final String CONTENT_TYPE = "application/problem+json";

    /**
     * One invalid part of a request.
     *
     * @param name where it is (a field path or parameter name), when known
     * @param reason what is wrong with it
     */
    @Serdeable
    @JsonInclude(JsonInclude.Include.NON_EMPTY)
    public record InvalidParameter(@Nullable String name, String reason) {
    }
}
