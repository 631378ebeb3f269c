package io.atoll.cell.contracts;

import java.util.Optional;
import java.util.regex.Pattern;

/**
 * The home cell written into a refresh token. A refresh token is opaque to its client, but the router must send it
 * to the one cell that stored it, so the token reads {@code <cell id>.<secret>}. The cell still checks the whole
 * token; a forged prefix only sends a request to a cell that refuses it.
 */
public final class RefreshTokenHome {
    private static final char SEPARATOR = '.';
    private static final Pattern CELL_ID = Pattern.compile("[a-z0-9][a-z0-9-]{0,62}");

    private RefreshTokenHome() {
    }

    /** The refresh token a cell hands out for this secret. */
    public static String token(String cellId, String secret) {
        if (!CELL_ID.matcher(cellId).matches()) {
            throw new IllegalArgumentException("a cell id is lower-case letters, digits and dashes: " + cellId);
        }
        return cellId + SEPARATOR + secret;
    }

    /** The home cell a refresh token names, if it is one of this form. */
    public static Optional<String> cellOf(String token) {
        if (token == null) {
            return Optional.empty();
        }
        int separator = token.indexOf(SEPARATOR);
        if (separator < 1 || separator == token.length() - 1) {
            return Optional.empty();
        }
        String cellId = token.substring(0, separator);
        return CELL_ID.matcher(cellId).matches() ? Optional.of(cellId) : Optional.empty();
    }
}
