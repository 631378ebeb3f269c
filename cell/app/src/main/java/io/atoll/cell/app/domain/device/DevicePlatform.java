package io.atoll.cell.app.domain.device;

import java.util.Locale;

public enum DevicePlatform {
    ANDROID,
    IOS;

    /** The name clients send and see. */
    public String wireName() {
        return name().toLowerCase(Locale.ROOT);
    }

    public static DevicePlatform ofWireName(String name) {
        return valueOf(name.toUpperCase(Locale.ROOT));
    }
}
