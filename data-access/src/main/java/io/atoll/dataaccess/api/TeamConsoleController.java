package io.atoll.dataaccess.api;

import io.atoll.dataaccess.api.ConsolePages.Notice;
import io.atoll.dataaccess.domain.console.ConsoleSession;
import io.atoll.dataaccess.domain.console.ConsoleSessions;
import io.atoll.dataaccess.domain.console.InvalidInputException;
import io.atoll.dataaccess.domain.console.NewItem;
import io.atoll.dataaccess.domain.console.OrderStatusChange;
import io.atoll.dataaccess.domain.console.RefusedByDatabaseException;
import io.atoll.dataaccess.domain.console.SignInRefusedException;
import io.atoll.dataaccess.store.TeamConsoleStore;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.MediaType;
import io.micronaut.http.MutableHttpResponse;
import io.micronaut.http.annotation.Body;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.CookieValue;
import io.micronaut.http.annotation.Error;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.Post;
import io.micronaut.http.annotation.QueryValue;
import io.micronaut.http.cookie.Cookie;
import io.micronaut.http.cookie.SameSite;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Function;

/**
 * The team console ({@code /console}): a person signs in with their own database login, and each action they take is
 * run on a connection of that login, so that their team's grants, row policies and triggers decide what they may do;
 * the pages only show the forms that make sense for the team. Forms carry a token of the session (for the sign-in
 * form, of a cookie), compared here by hand: the service has no security framework, and this is the one place it
 * would serve.
 */
@Controller("/console")
@ExecuteOn(TaskExecutors.BLOCKING)
final class TeamConsoleController {
    static final String SESSION_COOKIE = "atoll-console";
    static final String SIGN_IN_COOKIE = "atoll-console-sign-in";
    private static final String PATH = "/console";
    private static final MediaType HTML = MediaType.of("text/html;charset=utf-8");
    private static final Logger LOG = LoggerFactory.getLogger(TeamConsoleController.class);
    private static final Map<String, String> DONE = Map.of(
            "fulfilled", "The order is fulfilled.",
            "cancelled", "The order is cancelled.",
            "refreshed", "The daily orders are counted anew.",
            "added", "The item is in the catalogue.",
            "retired", "The item is retired: the catalogue no longer offers it.");

    private final ConsoleSessions sessions;
    private final TeamConsoleStore store;
    private final String css;

    TeamConsoleController(ConsoleSessions sessions, TeamConsoleStore store) {
        this.sessions = sessions;
        this.store = store;
        this.css = resource("/io/atoll/dataaccess/console/console.css");
    }

    @Get(produces = "text/html")
    HttpResponse<String> page(@Nullable @CookieValue(SESSION_COOKIE) String id, @Nullable @QueryValue String done) {
        Optional<ConsoleSession> person = sessions.find(id);
        if (person.isEmpty()) {
            return signInPage(HttpStatus.OK, Notice.none());
        }
        String outcome = done == null ? null : DONE.get(done);
        return teamPage(person.get(), HttpStatus.OK, outcome == null ? Notice.none() : Notice.done(outcome));
    }

    @Get(uri = "/console.css", produces = "text/css")
    HttpResponse<String> stylesheet() {
        return HttpResponse.ok(css).header("Cache-Control", "max-age=3600");
    }

    @Post(uri = "/sign-in", consumes = MediaType.APPLICATION_FORM_URLENCODED, produces = "text/html")
    HttpResponse<String> signIn(@Nullable @CookieValue(SIGN_IN_COOKIE) String expectedToken, @Nullable @CookieValue(SESSION_COOKIE) String previous,
                                @Body Map<String, String> form) {
        if (!ConsoleSessions.tokenMatches(expectedToken, form.get("csrf"))) {
            return signInPage(HttpStatus.FORBIDDEN, Notice.error("The sign-in form had expired. Please sign in again."));
        }
        String cell = form.getOrDefault("cell", "");
        String login = form.getOrDefault("login", "").strip();
        String password = form.getOrDefault("password", "");
        if (!store.cells().contains(cell) || login.isEmpty()) {
            return signInPage(HttpStatus.BAD_REQUEST, Notice.error("Give your login, your password and one of the cells listed."));
        }
        try {
            Optional<String> team = store.signIn(cell, login, password);
            // Whoever signed in before in this browser is signed out: one person per browser, never two sets of credentials.
            sessions.close(previous);
            ConsoleSession person = sessions.open(cell, login, password, team);
            LOG.atInfo().addKeyValue("cell", cell).addKeyValue("login", login).addKeyValue("team", team.orElse(null))
                    .log("{} signed in to the console on {}", login, cell);
            return HttpResponse.<String>seeOther(URI.create(PATH))
                    .cookie(sessionCookie(person.id()))
                    .cookie(expired(SIGN_IN_COOKIE));
        } catch (SignInRefusedException e) {
            LOG.atInfo().addKeyValue("cell", cell).addKeyValue("login", login).log("sign-in of {} to {} refused: {}", login, cell, e.getMessage());
            return signInPage(HttpStatus.UNAUTHORIZED, Notice.error("The database of " + cell
                    + " did not accept that login and password."));
        }
    }

    @Post(uri = "/sign-out", consumes = MediaType.APPLICATION_FORM_URLENCODED, produces = "text/html")
    HttpResponse<String> signOut(@Nullable @CookieValue(SESSION_COOKIE) String id, @Body Map<String, String> form) {
        return act(id, form, person -> {
            sessions.close(person.id());
            return HttpResponse.<String>seeOther(URI.create(PATH)).cookie(expired(SESSION_COOKIE));
        });
    }

    @Post(uri = "/orders/status", consumes = MediaType.APPLICATION_FORM_URLENCODED, produces = "text/html")
    HttpResponse<String> changeStatus(@Nullable @CookieValue(SESSION_COOKIE) String id, @Body Map<String, String> form) {
        return act(id, form, person -> {
            OrderStatusChange change = OrderStatusChange.of(form.get("status"));
            UUID order = orderId(form.get("order"));
            if (!store.changeStatus(person, order, change)) {
                return teamPage(person, HttpStatus.NOT_FOUND, Notice.error("No order " + order + " of yours is there to change."));
            }
            return done(change.status());
        });
    }

    @Post(uri = "/daily-orders/refresh", consumes = MediaType.APPLICATION_FORM_URLENCODED, produces = "text/html")
    HttpResponse<String> refresh(@Nullable @CookieValue(SESSION_COOKIE) String id, @Body Map<String, String> form) {
        return act(id, form, person -> {
            store.refreshDailyOrders(person);
            return done("refreshed");
        });
    }

    @Post(uri = "/items", consumes = MediaType.APPLICATION_FORM_URLENCODED, produces = "text/html")
    HttpResponse<String> addItem(@Nullable @CookieValue(SESSION_COOKIE) String id, @Body Map<String, String> form) {
        return act(id, form, person -> {
            store.addItem(person, NewItem.parse(form.get("sku"), form.get("name"), form.get("weight"), form.get("price"), form.get("currency")));
            return done("added");
        });
    }

    @Post(uri = "/items/retire", consumes = MediaType.APPLICATION_FORM_URLENCODED, produces = "text/html")
    HttpResponse<String> retire(@Nullable @CookieValue(SESSION_COOKIE) String id, @Body Map<String, String> form) {
        return act(id, form, person -> {
            String sku = form.getOrDefault("sku", "");
            if (!store.retire(person, sku)) {
                return teamPage(person, HttpStatus.NOT_FOUND, Notice.error("No active item " + sku + " is there to retire."));
            }
            return done("retired");
        });
    }

    /** What no page could answer (the cell's database unreachable): a page saying so, never a stack trace. */
    @Error(exception = RuntimeException.class)
    HttpResponse<String> failed(HttpRequest<?> request, RuntimeException e) {
        LOG.atError().setCause(e).log("console request {} {} failed: {}", request.getMethod(), request.getPath(), e.getMessage());
        return html(HttpStatus.SERVICE_UNAVAILABLE, ConsolePages.message("Not now",
                Notice.error("The console could not reach the cell's database. Please try again in a moment.")));
    }

    /**
     * Runs a signed-in person's form: without a live session, the sign-in page; without the session's token, a
     * refusal; a refusal by the database or bad input, the person's page again saying so.
     */
    private HttpResponse<String> act(String id, Map<String, String> form, Function<ConsoleSession, MutableHttpResponse<String>> action) {
        Optional<ConsoleSession> found = sessions.find(id);
        if (found.isEmpty()) {
            return signInPage(HttpStatus.UNAUTHORIZED, Notice.error("Your session has ended. Please sign in again."));
        }
        ConsoleSession person = found.get();
        if (!ConsoleSessions.tokenMatches(person.csrfToken(), form.get("csrf"))) {
            LOG.atWarn().addKeyValue("login", person.login()).log("a form without the session's token was refused for {}", person.login());
            return html(HttpStatus.FORBIDDEN, ConsolePages.message("Refused",
                    Notice.error("This form did not come from your console page. Reload the page and try again.")));
        }
        try {
            return action.apply(person);
        } catch (InvalidInputException e) {
            return teamPage(person, HttpStatus.BAD_REQUEST, Notice.error(e.getMessage()));
        } catch (RefusedByDatabaseException e) {
            LOG.atInfo().addKeyValue("login", person.login()).log("the database refused {}: {}", person.login(), e.getMessage());
            return teamPage(person, HttpStatus.FORBIDDEN, Notice.error("The database refused: " + e.getMessage()));
        }
    }

    private MutableHttpResponse<String> teamPage(ConsoleSession person, HttpStatus status, Notice notice) {
        String page;
        try {
            page = switch (person.team().orElse("")) {
                case "logistics" -> ConsolePages.logistics(person, store.openOrders(person), store.dailyOrders(person), notice);
                case "sales" -> ConsolePages.sales(person, store.items(person), notice);
                default -> ConsolePages.nothingHere(person, notice);
            };
        } catch (RefusedByDatabaseException e) {
            page = ConsolePages.message("Refused", Notice.error("The database refused: " + e.getMessage()));
            status = status == HttpStatus.OK ? HttpStatus.FORBIDDEN : status;
        }
        return html(status, page);
    }

    private MutableHttpResponse<String> signInPage(HttpStatus status, Notice notice) {
        String token = sessions.randomToken();
        return html(status, ConsolePages.signIn(store.cells(), token, notice)).cookie(cookie(SIGN_IN_COOKIE, token));
    }

    private static MutableHttpResponse<String> done(String outcome) {
        return HttpResponse.seeOther(URI.create(PATH + "?done=" + outcome));
    }

    private static UUID orderId(String given) {
        try {
            return UUID.fromString(given == null ? "" : given);
        } catch (IllegalArgumentException e) {
            throw new InvalidInputException("An order is named by its id, not '" + given + "'.");
        }
    }

    private static MutableHttpResponse<String> html(HttpStatus status, String page) {
        return HttpResponse.<String>status(status).contentType(HTML).body(page)
                .header("Cache-Control", "no-store")
                .header("X-Content-Type-Options", "nosniff")
                .header("Content-Security-Policy", "default-src 'none'; style-src 'self'; form-action 'self'; frame-ancestors 'none'");
    }

    /** Lasts as long as the browser does; the server forgets it after the idle time whatever the browser keeps. */
    private static Cookie sessionCookie(String id) {
        return cookie(SESSION_COOKIE, id);
    }

    private static Cookie cookie(String name, String value) {
        return Cookie.of(name, value).httpOnly(true).sameSite(SameSite.Strict).path(PATH);
    }

    private static Cookie expired(String name) {
        return cookie(name, "").maxAge(0);
    }

    private static String resource(String name) {
        try (InputStream in = TeamConsoleController.class.getResourceAsStream(name)) {
            if (in == null) {
                throw new IllegalStateException(name + " is missing from the service's JAR");
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
