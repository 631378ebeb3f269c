package io.atoll.cell.auth.domain;

/** An account with the same e-mail address or client id exists already. */
public final class DuplicateAccountException extends AccountRequestException {
    public DuplicateAccountException(String message) {
        super(message);
    }
}
