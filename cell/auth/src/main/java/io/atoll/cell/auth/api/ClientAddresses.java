package io.atoll.cell.auth.api;

import io.atoll.edge.ForwardedHeaders;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.server.util.HttpClientAddressResolver;
import jakarta.inject.Singleton;

import java.net.InetSocketAddress;

/**
 * The address a request came from. The service's own endpoints are reached through the ingress, over loopback: the
 * ingress appends the peer it saw to {@code X-Forwarded-For}, so the last entry names the client (or the router in
 * front of the cell). Any other caller is named as Micronaut resolves it.
 */
@Singleton
final class ClientAddresses {
    private final HttpClientAddressResolver resolver;

    ClientAddresses(HttpClientAddressResolver resolver) {
        this.resolver = resolver;
    }

    String of(HttpRequest<?> request) {
        InetSocketAddress peer = request.getRemoteAddress();
        String forwarded = request.getHeaders().get(ForwardedHeaders.FORWARDED_FOR.toString());
        if (forwarded != null && peer.getAddress() != null && peer.getAddress().isLoopbackAddress()) {
            return forwarded.substring(forwarded.lastIndexOf(',') + 1).trim();
        }
        String address = resolver.resolve(request);
        return address == null ? "unknown" : address;
    }
}
