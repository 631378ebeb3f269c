package io.atoll.cell.auth.api;

import io.micronaut.http.HttpRequest;
import io.micronaut.http.server.util.HttpClientAddressResolver;
import jakarta.inject.Singleton;

/**
 * The address a request came from, as Micronaut resolves it: the connection's peer, or the header named by
 * {@code micronaut.server.client-address-header} when the service sits behind a trusted proxy.
 */
@Singleton
final class ClientAddresses {
    private final HttpClientAddressResolver resolver;

    ClientAddresses(HttpClientAddressResolver resolver) {
        this.resolver = resolver;
    }

    String of(HttpRequest<?> request) {
        String address = resolver.resolve(request);
        return address == null ? "unknown" : address;
    }
}
