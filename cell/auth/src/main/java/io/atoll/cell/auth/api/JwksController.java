package io.atoll.cell.auth.api;

import io.atoll.cell.auth.domain.LocalKeySet;
import io.micronaut.http.HttpHeaders;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.MediaType;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;

/** The cell's public keys, for its peers and for anyone verifying its tokens. */
@Controller
final class JwksController {
    private final LocalKeySet keys;

    JwksController(LocalKeySet keys) {
        this.keys = keys;
    }

    @Get(uri = OwnRoutes.JWKS, produces = MediaType.APPLICATION_JSON)
    HttpResponse<String> jwks() {
        // Short enough that a peer caching it sees a new next key long before it signs anything.
        return HttpResponse.ok(keys.jwksJson()).header(HttpHeaders.CACHE_CONTROL, "public, max-age=60");
    }
}
