package io.atoll.edge;

import java.net.URI;

/**
 * A server requests are forwarded to.
 *
 * @param url its base URL (scheme, host and port)
 * @param name how the edge's own error answers name it ("cell eu-west-1", "the app")
 */
public record Upstream(URI url, String name) {
}
