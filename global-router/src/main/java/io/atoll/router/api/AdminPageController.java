package io.atoll.router.api;

import io.micronaut.core.io.ResourceResolver;
import io.micronaut.http.MediaType;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.security.annotation.Secured;
import io.micronaut.security.rules.SecurityRule;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;

/**
 * The admin page: one HTML file whose script reads {@code GET /admin/cells} every second with the operator
 * token typed into it. The page itself holds no data, so it needs no token.
 */
@Controller
@Secured(SecurityRule.IS_ANONYMOUS)
final class AdminPageController {
    private final String page;

    AdminPageController(ResourceResolver resources) {
        try (InputStream in = resources.getResourceAsStream("classpath:admin/index.html").orElseThrow(() ->
                new IllegalStateException("admin/index.html is missing from the classpath"))) {
            this.page = new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Get(produces = MediaType.TEXT_HTML)
    String page() {
        return page;
    }
}
