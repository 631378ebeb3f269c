package io.atoll.cell.contracts.openapi;

import io.micronaut.http.HttpResponse;
import io.micronaut.http.MediaType;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * What micronaut-openapi wrote into the service's JAR at compile time, under {@code META-INF/swagger}: the service's
 * OpenAPI document and its Swagger UI (page, script, styles and icons, all local, so the page needs no CDN).
 */
final class GeneratedApiFiles {
    static final String ROOT = "META-INF/swagger/";
    /** A single file name: a request names a file the generator wrote, never a path elsewhere in the JAR. */
    private static final Pattern NAME = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._-]*");
    private static final Map<String, String> TYPES = Map.of(
            "yml", "application/yaml",
            "html", MediaType.TEXT_HTML,
            "css", "text/css",
            "js", "text/javascript",
            "png", MediaType.IMAGE_PNG);

    private GeneratedApiFiles() {
    }

    /**
     * The file under {@link #ROOT} in the service's own {@code folder} ("" or ending in "/") at the segments a request
     * named, or 404.
     */
    static HttpResponse<?> answer(String folder, String... requested) {
        for (String segment : requested) {
            if (!NAME.matcher(segment).matches()) {
                return HttpResponse.notFound();
            }
        }
        String name = requested[requested.length - 1];
        String type = TYPES.get(name.substring(name.lastIndexOf('.') + 1));
        String path = ROOT + folder + String.join("/", requested);
        try (InputStream file = GeneratedApiFiles.class.getClassLoader().getResourceAsStream(path)) {
            if (file == null || type == null) {
                return HttpResponse.notFound();
            }
            return HttpResponse.ok(file.readAllBytes()).contentType(type);
        } catch (IOException unreadable) {
            throw new UncheckedIOException("cannot read " + path, unreadable);
        }
    }
}
