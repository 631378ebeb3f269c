package io.atoll.cell.contracts.openapi;

import io.micronaut.http.HttpResponse;
import io.micronaut.management.endpoint.annotation.Endpoint;
import io.micronaut.management.endpoint.annotation.Read;
import io.micronaut.management.endpoint.annotation.Selector;

/**
 * Swagger UI for the service's {@link OpenApiDocumentEndpoint document} at {@code /swagger-ui}, on the management port:
 * the page micronaut-openapi generated ({@code micronaut.openapi.views.spec} in {@code openapi.properties}) and the
 * Swagger UI files it copied beside it, which the page loads from {@code /swagger-ui/res/...}.
 */
@Endpoint(id = SwaggerUiEndpoint.ID, defaultSensitive = false)
public final class SwaggerUiEndpoint {
    public static final String ID = "swagger-ui";
    private static final String VIEW = "views/swagger-ui/";

    @Read
    public HttpResponse<?> page() {
        return GeneratedApiFiles.answer(VIEW, "index.html");
    }

    @Read
    public HttpResponse<?> file(@Selector String folder, @Selector String name) {
        return GeneratedApiFiles.answer(VIEW, folder, name);
    }
}
