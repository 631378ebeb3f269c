package io.atoll.cell.storage.domain;

/** Why storage refuses a request; the API turns each into its HTTP status. */
public enum Refusal {
    /** The thing does not exist, or it is not the member's: the answer is the same, so ids don't leak. */
    NOT_FOUND,
    /** The request contradicts the state of what it changes (an order that is no longer open). */
    CONFLICT,
    /** The request is well formed but its content cannot be accepted (a retired item, a reused key). */
    UNPROCESSABLE,
    /** The body is larger than storage accepts. */
    TOO_LARGE,
    /** The body's length must be known before it is read. */
    LENGTH_REQUIRED,
    /** The body is of a kind storage does not take. */
    UNSUPPORTED_MEDIA_TYPE,
    /** The request is malformed in a way only the domain can tell (a cursor it did not issue). */
    BAD_REQUEST
}
