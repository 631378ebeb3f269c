package io.atoll.cell.storage.domain.member;

import java.util.Locale;

/** The membership a member pays for. */
public enum Tier {
    BASIC, PLUS, PREMIUM;

    /** The name in the API and the database. */
    public String code() {
        return name().toLowerCase(Locale.ROOT);
    }

    public static Tier ofCode(String code) {
        return valueOf(code.toUpperCase(Locale.ROOT));
    }
}
