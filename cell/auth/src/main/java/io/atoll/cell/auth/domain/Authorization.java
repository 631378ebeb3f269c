package io.atoll.cell.auth.domain;

import static java.util.Objects.requireNonNull;

/** The answer to "may this request pass?". */
public sealed interface Authorization {
    /** The request passes without an identity: its rule is anonymous. */
    record Anonymous() implements Authorization {
    }

    /** The request passes as the token's subject. */
    record Granted(VerifiedToken token) implements Authorization {
        public Granted {
            requireNonNull(token, "token is null");
        }
    }

    /** No token, or a token not to be believed (401). */
    record Unauthenticated(TokenRejectedException.Reason reason) implements Authorization {
        /** The description of a missing token. */
        public String description() {
            return reason == null ? "a bearer token is required" : reason.description();
        }
    }

    /** A good token without the scopes the rule needs (403). */
    record Forbidden(Scopes required, String description) implements Authorization {
        public Forbidden {
            requireNonNull(required, "required is null");
            requireNonNull(description, "description is null");
        }
    }

    /**
     * A request no policy rule covers: nothing in the cell is served there for its clients. The ingress answers
     * 404, so that internal paths (storage's API, other services' management) are indistinguishable from absent
     * ones; forward-auth answers 403, the refusal its clients (nginx {@code auth_request}) understand.
     */
    record Uncovered() implements Authorization {
    }
}
