package io.atoll.cell.storage.api.order;

import io.atoll.cell.contracts.problem.ProblemException;
import io.micronaut.http.HttpStatus;

import java.util.regex.Pattern;

/** The {@code Idempotency-Key} header: one to 128 visible ASCII characters, chosen by the client per placement. */
final class IdempotencyKeys {
    static final String HEADER = "Idempotency-Key";
    private static final Pattern VALID = Pattern.compile("[\\x21-\\x7E]{1,128}");

    private IdempotencyKeys() {
    }

    static String require(String header) {
        if (header == null) {
            throw new ProblemException(HttpStatus.BAD_REQUEST, "Idempotency-Key required",
                    "Placing an order needs an Idempotency-Key header, the same on every retry of the placement.");
        }
        if (!VALID.matcher(header).matches()) {
            throw new ProblemException(HttpStatus.BAD_REQUEST, "Invalid Idempotency-Key",
                    "The Idempotency-Key must be 1 to 128 visible ASCII characters.");
        }
        return header;
    }
}
