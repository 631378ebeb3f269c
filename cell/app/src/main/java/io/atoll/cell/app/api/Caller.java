package io.atoll.cell.app.api;

import io.atoll.cell.app.domain.MemberRef;
import io.atoll.cell.contracts.IdentityHeaders;
import io.atoll.cell.contracts.problem.ProblemException;
import io.micronaut.http.HttpHeaders;
import io.micronaut.http.HttpStatus;

import java.security.Principal;
import java.util.Arrays;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

import static java.util.Objects.requireNonNull;

/**
 * Who is calling, as the cell's authenticating proxy verified and stated it in the identity headers.
 *
 * @param accountId the account the token was issued to: the member, or the operator
 * @param homeCell the cell the account lives in, if the proxy said
 */
// A Principal, which is what it is: OpenAPI generation leaves principals out of what a client sends.
public record Caller(String accountId, Set<String> scopes, String homeCell) implements Principal {
    private static final int LONGEST_ACCOUNT_ID = 200;

    public Caller {
        requireNonNull(accountId, "accountId is null");
        scopes = Set.copyOf(scopes);
    }

    /**
     * The caller the identity headers name. The app listens on the loopback interface only, behind the proxy
     * that strips these headers from clients and sets them from a verified token: a request without them did
     * not come through the proxy.
     */
    public static Caller from(HttpHeaders headers) {
        String subject = headers.get(IdentityHeaders.SUBJECT);
        if (subject == null || subject.isBlank() || subject.length() > LONGEST_ACCOUNT_ID) {
            throw new ProblemException(HttpStatus.UNAUTHORIZED, "Not authenticated", "The request carries no verified identity.");
        }
        Set<String> scopes = Arrays.stream(headers.get(IdentityHeaders.SCOPES, String.class, "").split(" "))
                .filter(scope -> !scope.isEmpty())
                .collect(Collectors.toSet());
        return new Caller(subject, scopes, headers.get(IdentityHeaders.HOME_CELL));
    }

    @Override
    public String getName() {
        return accountId;
    }

    /** The caller as storage knows members: by account id, created in their home cell. */
    public MemberRef member() {
        return new MemberRef(accountId, Optional.ofNullable(homeCell));
    }

    public void requireScope(String scope) {
        if (!scopes.contains(scope)) {
            throw new ProblemException(HttpStatus.FORBIDDEN, "Missing scope", "This operation needs the scope " + scope + ".");
        }
    }
}
