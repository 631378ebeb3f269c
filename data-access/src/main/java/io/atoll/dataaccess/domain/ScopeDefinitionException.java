package io.atoll.dataaccess.domain;

/** A scope file that cannot be compiled; the message is one line naming the file and the field. */
public final class ScopeDefinitionException extends RuntimeException {
    public ScopeDefinitionException(String message) {
        super(message);
    }
}
