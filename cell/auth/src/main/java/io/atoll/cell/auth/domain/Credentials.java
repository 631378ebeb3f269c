package io.atoll.cell.auth.domain;

import java.util.Locale;
import java.util.regex.Pattern;

/** The rules for what members and operators sign in with. */
public final class Credentials {
    static final int MIN_PASSWORD_LENGTH = 12;
    static final int MAX_PASSWORD_LENGTH = 128;
    private static final int MAX_EMAIL_LENGTH = 254;
    // Deliberately loose: one @, no spaces, a dot in the domain. Whether the address works is for a
    // confirmation mail to find out, not for a pattern.
    private static final Pattern EMAIL = Pattern.compile("[^@\\s]{1,64}@[^@\\s.]+(\\.[^@\\s.]+)+");

    private Credentials() {
    }

    /** The address in the one form accounts are stored and looked up under. */
    public static String normalizeEmail(String email) {
        String normalized = email == null ? "" : email.trim().toLowerCase(Locale.ROOT);
        if (normalized.length() > MAX_EMAIL_LENGTH || !EMAIL.matcher(normalized).matches()) {
            throw new AccountRequestException("not a valid e-mail address");
        }
        return normalized;
    }

    /**
     * Length is what makes a password strong (NIST SP 800-63B): at least 12 characters, at most 128 so that
     * hashing stays cheap to ask for, and not the account's own e-mail address.
     */
    public static void checkPassword(String password, String email) {
        if (password == null || password.codePointCount(0, password.length()) < MIN_PASSWORD_LENGTH) {
            throw new AccountRequestException("the password must have at least " + MIN_PASSWORD_LENGTH + " characters");
        }
        if (password.length() > MAX_PASSWORD_LENGTH) {
            throw new AccountRequestException("the password must have at most " + MAX_PASSWORD_LENGTH + " characters");
        }
        if (password.chars().distinct().count() < 4) {
            throw new AccountRequestException("the password must not repeat so few characters");
        }
        if (password.trim().toLowerCase(Locale.ROOT).equals(email)) {
            throw new AccountRequestException("the password must not be the e-mail address");
        }
    }
}
