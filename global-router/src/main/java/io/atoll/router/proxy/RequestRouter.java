package io.atoll.router.proxy;

import io.atoll.router.domain.AccountKey;
import io.atoll.router.domain.CellSelector;
import io.atoll.router.domain.ClientLocation;
import io.atoll.router.domain.HomeCellClaim;
import io.atoll.router.domain.PlacementDirectory;
import io.atoll.router.domain.RoutePlan;
import io.netty.handler.codec.http.HttpHeaderNames;
import io.netty.handler.codec.http.HttpHeaders;
import io.netty.handler.codec.http.HttpMethod;
import io.netty.handler.codec.http.HttpRequest;
import jakarta.inject.Singleton;

import java.util.Optional;
import java.util.concurrent.CompletableFuture;

/**
 * Turns a request's headers into a route plan, never reading a body. A bearer token names its member's home
 * cell; sign-up and token requests name their account in {@code X-Atoll-Account}, which the placement directory
 * resolves; anything else goes to the nearest cell.
 */
@Singleton
final class RequestRouter {
    static final String SIGN_UP = "/v1/accounts";
    private static final String TOKEN = "/oauth/token";
    private static final String REVOKE = "/oauth/revoke";

    private final CellSelector selector;
    private final PlacementDirectory directory;

    RequestRouter(CellSelector selector, PlacementDirectory directory) {
        this.selector = selector;
        this.directory = directory;
    }

    /** The plan; complete at once unless the placement directory has to ask the database. */
    CompletableFuture<RoutePlan> route(HttpRequest request) {
        HttpHeaders headers = request.headers();
        ClientLocation client = ClientLocation.of(headers.get(ProxyHeaders.RTT), headers.get(ProxyHeaders.CLIENT_REGION));
        Optional<String> homeByToken = HomeCellClaim.read(headers.get(HttpHeaderNames.AUTHORIZATION));
        Optional<AccountKey> account = homeByToken.isPresent() ? Optional.empty() : directoryAccount(request);
        if (account.isEmpty()) {
            return CompletableFuture.completedFuture(selector.plan(homeByToken, client, System.nanoTime()));
        }
        CompletableFuture<Optional<String>> home = directory.home(account.get());
        if (home.isDone() && !home.isCompletedExceptionally()) {
            return CompletableFuture.completedFuture(selector.planForAccount(home.join(), client, System.nanoTime()));
        }
        return home.exceptionally(failure -> Optional.empty()).thenApply(placed -> selector.planForAccount(placed, client, System.nanoTime()));
    }

    /** The account of a sign-up, whose placement the router records when the cell accepts it. */
    Optional<AccountKey> signUpAccount(HttpRequest request) {
        return isPost(request, SIGN_UP) ? AccountKey.of(request.headers().get(ProxyHeaders.ACCOUNT)) : Optional.empty();
    }

    void placed(AccountKey account, String cellId) {
        directory.place(account, cellId);
    }

    private static Optional<AccountKey> directoryAccount(HttpRequest request) {
        boolean named = isPost(request, SIGN_UP) || isPost(request, TOKEN) || isPost(request, REVOKE);
        return named ? AccountKey.of(request.headers().get(ProxyHeaders.ACCOUNT)) : Optional.empty();
    }

    private static boolean isPost(HttpRequest request, String path) {
        if (!HttpMethod.POST.equals(request.method())) {
            return false;
        }
        String uri = request.uri();
        return uri.startsWith(path) && (uri.length() == path.length() || uri.charAt(path.length()) == '?');
    }
}
