package io.atoll.cell.auth.api;

import io.atoll.cell.auth.config.MobileApiSettings;
import io.atoll.cell.auth.domain.AccessPolicy;
import io.atoll.cell.contracts.problem.ProblemException;
import io.micronaut.http.HttpHeaders;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import org.yaml.snakeyaml.DumperOptions;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.constructor.SafeConstructor;
import org.yaml.snakeyaml.representer.Representer;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse.BodyHandlers;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.CompletableFuture;

/**
 * Serves the mobile API's OpenAPI document to anyone, through the router too: made on each request from auth's own
 * generated document and the running app's, so it describes the app that answers behind this ingress.
 */
@Controller
final class MobileApiController {
    static final String YAML = "application/yaml";
    private static final String OWN_DOCUMENT = "META-INF/swagger/atoll-auth.yml";
    private static final Duration TIMEOUT = Duration.ofSeconds(2);

    private final MobileApiDocument document;
    private final Map<String, Object> ownDocument;
    private final URI appDocument;
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(TIMEOUT).build();

    MobileApiController(AccessPolicy policy, MobileApiSettings settings) {
        this.document = new MobileApiDocument(policy);
        this.ownDocument = ownDocument();
        this.appDocument = settings.appDocumentUrl();
    }

    @Get(uri = OwnRoutes.MOBILE_API, produces = YAML)
    CompletableFuture<HttpResponse<String>> mobileApi() {
        return http.sendAsync(HttpRequest.newBuilder(appDocument).timeout(TIMEOUT).build(), BodyHandlers.ofString())
                .handle((answer, failure) -> {
                    if (failure != null || answer.statusCode() != 200) {
                        throw new ProblemException(HttpStatus.SERVICE_UNAVAILABLE, "Service Unavailable",
                                "the app's API description cannot be read at the moment");
                    }
                    Yaml yaml = yaml();
                    String mobileApi = yaml.dump(document.of(ownDocument, yaml.load(answer.body())));
                    // Made afresh each time from the app behind this ingress, which a deployment may have changed.
                    return HttpResponse.ok(mobileApi).header(HttpHeaders.CACHE_CONTROL, "no-cache");
                });
    }

    private static Map<String, Object> ownDocument() {
        try (InputStream generated = MobileApiController.class.getClassLoader().getResourceAsStream(OWN_DOCUMENT)) {
            if (generated == null) {
                throw new IllegalStateException(OWN_DOCUMENT + " is missing: micronaut-openapi writes it when the service is compiled");
            }
            return yaml().load(generated);
        } catch (IOException unreadable) {
            throw new UncheckedIOException(unreadable);
        }
    }

    /** Safe loading (no tags naming Java types), block style writing; one per use, since SnakeYAML's are not thread-safe. */
    private static Yaml yaml() {
        DumperOptions writing = new DumperOptions();
        writing.setDefaultFlowStyle(DumperOptions.FlowStyle.BLOCK);
        return new Yaml(new SafeConstructor(new LoaderOptions()), new Representer(writing), writing);
    }
}
