package io.atoll.cell.auth.api;

import io.atoll.cell.auth.config.AuthSettings;
import io.atoll.edge.ForwardedHeaders;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.server.util.HttpClientAddressResolver;
import jakarta.inject.Singleton;

import java.net.InetSocketAddress;
import java.util.Set;

/**
 * The address a request came from, which login throttling counts failures by. The service's own endpoints are reached
 * through the ingress, over loopback: the ingress appends the peer it saw to {@code X-Forwarded-For}. That peer is
 * the client, unless it is a trusted proxy (the global router, {@code atoll.auth.trusted-proxies}), whose own entry
 * before it names the client; without that, every member behind the router would share the router's address and
 * its lock. Any other caller is named as Micronaut resolves it.
 */
@Singleton
final class ClientAddresses {
    private final HttpClientAddressResolver resolver;
    private final Set<String> trustedProxies;

    ClientAddresses(HttpClientAddressResolver resolver, AuthSettings settings) {
        this.resolver = resolver;
        this.trustedProxies = Set.copyOf(settings.trustedProxies());
    }

    String of(HttpRequest<?> request) {
        InetSocketAddress peer = request.getRemoteAddress();
        String forwarded = request.getHeaders().get(ForwardedHeaders.FORWARDED_FOR.toString());
        if (forwarded != null && peer.getAddress() != null && peer.getAddress().isLoopbackAddress()) {
            return ForwardedHeaders.clientBehind(forwarded, trustedProxies);
        }
        String address = resolver.resolve(request);
        return address == null ? "unknown" : address;
    }
}
