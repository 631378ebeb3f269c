package io.atoll.router.domain;

import java.util.Locale;
import java.util.Optional;

/** What the control plane (the registry file) says a cell should do with traffic. */
public enum CellState {
    /** Takes new members and serves its own. */
    ACTIVE,
    /** Being emptied: gets no traffic while another cell can take it. */
    DRAINING;

    public static Optional<CellState> parse(String value) {
        return switch (value.toLowerCase(Locale.ROOT)) {
            case "active" -> Optional.of(ACTIVE);
            case "draining" -> Optional.of(DRAINING);
            default -> Optional.empty();
        };
    }

    public String value() {
        return name().toLowerCase(Locale.ROOT);
    }
}
