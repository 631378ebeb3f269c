package io.atoll.cell.app.domain.command;

import java.util.Locale;

public enum CommandStatus {
    PENDING,
    SUCCEEDED,
    FAILED;

    public String wireName() {
        return name().toLowerCase(Locale.ROOT);
    }

    public static CommandStatus ofWireName(String name) {
        return valueOf(name.toUpperCase(Locale.ROOT));
    }
}
