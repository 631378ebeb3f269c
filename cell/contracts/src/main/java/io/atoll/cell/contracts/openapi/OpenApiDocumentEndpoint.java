package io.atoll.cell.contracts.openapi;

import io.micronaut.http.HttpResponse;
import io.micronaut.management.endpoint.annotation.Endpoint;
import io.micronaut.management.endpoint.annotation.Read;
import io.micronaut.management.endpoint.annotation.Selector;

/**
 * The service's OpenAPI document at {@code /swagger/<service>.yml}, as micronaut-openapi generated it from the
 * controllers (its file name is set in the module's {@code openapi.properties}). A management endpoint, so that it is
 * served on the management port only: static resources cannot be bound to a port.
 */
@Endpoint(id = OpenApiDocumentEndpoint.ID, defaultSensitive = false)
public final class OpenApiDocumentEndpoint {
    /** Also the path Swagger UI's page fetches the document from. */
    public static final String ID = "swagger";

    @Read
    public HttpResponse<?> document(@Selector String file) {
        return GeneratedApiFiles.answer("", file);
    }
}
