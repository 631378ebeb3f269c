package io.atoll.cell.auth.domain;

/** An account cannot be created as asked: the message says why, in words fit for the asker. */
public class AccountRequestException extends RuntimeException {
    public AccountRequestException(String message) {
        super(message);
    }
}
