package io.atoll.cell.app.domain.checkin;

import java.util.Locale;

/** The network a device was on when it checked in. */
public enum NetworkType {
    WIFI,
    CELLULAR,
    ETHERNET,
    OTHER;

    public String wireName() {
        return name().toLowerCase(Locale.ROOT);
    }

    public static NetworkType ofWireName(String name) {
        return valueOf(name.toUpperCase(Locale.ROOT));
    }
}
