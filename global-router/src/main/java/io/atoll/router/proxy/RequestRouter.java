package io.atoll.router.proxy;

import io.atoll.cell.contracts.AuthPaths;
import io.atoll.router.domain.AccountKey;
import io.atoll.router.domain.BodyStart;
import io.atoll.router.domain.CellSelector;
import io.atoll.router.domain.ClientLocation;
import io.atoll.router.domain.CredentialBodies;
import io.atoll.router.domain.CredentialSubject;
import io.atoll.router.domain.HomeCellClaim;
import io.atoll.router.domain.PlacementDirectory;
import io.atoll.router.domain.Reservation;
import io.atoll.router.domain.RoutePlan;
import io.atoll.router.domain.RouteReason;
import io.netty.handler.codec.http.HttpHeaderNames;
import io.netty.handler.codec.http.HttpHeaders;
import io.netty.handler.codec.http.HttpMethod;
import io.netty.handler.codec.http.HttpRequest;
import jakarta.inject.Singleton;

import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.function.Function;

/**
 * Turns a request into a route plan. A bearer token names its member's home cell. The requests about an account's
 * credentials (sign-up, token, revocation) name their account in the first bytes of their body, or in the optional
 * {@code X-Atoll-Account} header, and go to the cell the placement directory holds it in; a sign-up of an address
 * nobody holds holds it first, for the nearest cell. Anything else goes to the nearest cell.
 */
@Singleton
final class RequestRouter {
    private final CellSelector selector;
    private final PlacementDirectory directory;

    RequestRouter(CellSelector selector, PlacementDirectory directory) {
        this.selector = selector;
        this.directory = directory;
    }

    /** The credential endpoint a request is for, whose body is read before it is routed; empty for every other request. */
    Optional<CredentialEndpoint> credentialEndpoint(HttpRequest request) {
        if (!HttpMethod.POST.equals(request.method())) {
            return Optional.empty();
        }
        String uri = request.uri();
        for (CredentialEndpoint endpoint : CredentialEndpoint.values()) {
            String path = endpoint.path;
            if (uri.startsWith(path) && (uri.length() == path.length() || uri.charAt(path.length()) == '?')) {
                return Optional.of(endpoint);
            }
        }
        return Optional.empty();
    }

    /** The route of a request that names no account, by its headers; complete at once. */
    CompletableFuture<Route> route(HttpRequest request) {
        HttpHeaders headers = request.headers();
        Optional<String> home = HomeCellClaim.read(headers.get(HttpHeaderNames.AUTHORIZATION));
        return CompletableFuture.completedFuture(new Route(selector.plan(home, client(request), System.nanoTime()), Optional.empty()));
    }

    /**
     * The route of a request to a credential endpoint, by the account its body names (or its header, when the body
     * names none). Complete at once unless the placement directory has to ask the database; a sign-up always asks.
     */
    CompletableFuture<Route> route(HttpRequest request, CredentialEndpoint endpoint, BodyStart body) {
        ClientLocation client = client(request);
        CredentialSubject subject = endpoint.subject.apply(body)
                .or(CredentialSubject.of(AccountKey.of(request.headers().get(ProxyHeaders.ACCOUNT))));
        if (subject.homeCell().isPresent()) {
            return completed(selector.planForAccount(subject.homeCell(), client, System.nanoTime()));
        }
        if (subject.account().isEmpty()) {
            return completed(selector.plan(Optional.empty(), client, System.nanoTime()));
        }
        AccountKey account = subject.account().get();
        if (endpoint == CredentialEndpoint.SIGN_UP) {
            return signUp(account, client);
        }
        CompletableFuture<Optional<String>> home = directory.home(account);
        if (home.isDone() && !home.isCompletedExceptionally()) {
            return completed(selector.planForAccount(home.join(), client, System.nanoTime()));
        }
        return home.exceptionally(failure -> Optional.empty())
                .thenApply(placed -> new Route(selector.planForAccount(placed, client, System.nanoTime()), Optional.empty()));
    }

    /**
     * A sign-up holds its address for the nearest cell and goes only there: were it resent to another cell, that
     * cell could create the account while the hold names the first. An address held already goes to its holder,
     * which answers 409 if the account exists.
     */
    private CompletableFuture<Route> signUp(AccountKey account, ClientLocation client) {
        RoutePlan nearest = selector.plan(Optional.empty(), client, System.nanoTime());
        return directory.reserve(account, nearest.first().id()).thenApply(reservation -> {
            if (reservation.cellId().equals(nearest.first().id())) {
                return new Route(new RoutePlan(List.of(nearest.first()), nearest.reason()), Optional.of(reservation));
            }
            RoutePlan holder = selector.planForAccount(Optional.of(reservation.cellId()), client, System.nanoTime());
            return new Route(holder, holder.reason() == RouteReason.HOME ? Optional.of(reservation) : Optional.empty());
        });
    }

    /**
     * Settles a sign-up's hold by the answer of the cell that holds it (the only cell a sign-up goes to): 201, or 409
     * (the account was there already), places the account there; a refusal or an answer from a gateway that found no
     * app (502, 503) releases it; any other answer (500, 504) leaves it, since the cell may have created the account.
     */
    void signUpAnswered(Reservation reservation, int status) {
        if (status == 201 || status == 409) {
            directory.place(reservation.account(), reservation.cellId());
        } else if (status == 502 || status == 503 || (status >= 400 && status < 500)) {
            directory.release(reservation);
        }
    }

    /** The sign-up never reached its cell (the client left, or the cell could not be reached): its hold goes. */
    void signUpNotSent(Reservation reservation) {
        directory.release(reservation);
    }

    private static ClientLocation client(HttpRequest request) {
        HttpHeaders headers = request.headers();
        return ClientLocation.of(headers.get(ProxyHeaders.RTT), headers.get(ProxyHeaders.CLIENT_REGION));
    }

    private static CompletableFuture<Route> completed(RoutePlan plan) {
        return CompletableFuture.completedFuture(new Route(plan, Optional.empty()));
    }

    /**
     * Where a request goes, and for a sign-up the directory's hold on its address.
     *
     * @param reservation present for a sign-up sent to the cell that holds its address
     */
    record Route(RoutePlan plan, Optional<Reservation> reservation) {
    }

    /** Auth's public endpoints whose requests name an account. */
    enum CredentialEndpoint {
        SIGN_UP(AuthPaths.SIGN_UP, CredentialBodies::signUp),
        TOKEN(AuthPaths.TOKEN, CredentialBodies::tokenRequest),
        REVOCATION(AuthPaths.REVOKE, CredentialBodies::revocation);

        private final String path;
        private final Function<BodyStart, CredentialSubject> subject;

        CredentialEndpoint(String path, Function<BodyStart, CredentialSubject> subject) {
            this.path = path;
            this.subject = subject;
        }
    }
}
