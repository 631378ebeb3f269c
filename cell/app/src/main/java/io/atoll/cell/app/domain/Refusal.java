package io.atoll.cell.app.domain;

/** Why the app refuses a request; the API turns each into its HTTP status. */
public enum Refusal {
    /** The thing does not exist, or it is not the caller's: the answer is the same, so ids don't leak. */
    NOT_FOUND,
    /** The caller lacks the scope the operation needs. */
    FORBIDDEN,
    /** The thing existed but has been retired. */
    GONE,
    /** The request contradicts what is stored (a reused id, a full queue, a limit reached). */
    CONFLICT,
    /** The request is well formed but its content cannot be accepted. */
    UNPROCESSABLE,
    /** The request carries more than the app accepts at once. */
    TOO_LARGE,
    /** The request does not state the length of a body that must be checked before it is read. */
    LENGTH_REQUIRED,
    /** The request's content is of a kind the app does not take. */
    UNSUPPORTED_MEDIA_TYPE,
    /** The request is malformed in a way only the domain can tell (e.g. a cursor it did not issue). */
    BAD_REQUEST,
    /** The request cannot be decided now but can be later: the client retries the same request. */
    TRY_LATER
}
