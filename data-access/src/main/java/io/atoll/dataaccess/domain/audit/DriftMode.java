package io.atoll.dataaccess.domain.audit;

import java.util.Arrays;
import java.util.Locale;
import java.util.stream.Collectors;

/** What an audit does with what it finds. */
public enum DriftMode {
    /** Applies the definition again, then checks that nothing is left. */
    CORRECT,
    /** Only reports: someone decides what to do with it. */
    REPORT;

    public String label() {
        return name().toLowerCase(Locale.ROOT);
    }

    public static DriftMode of(String label) {
        return Arrays.stream(values()).filter(mode -> mode.label().equals(label)).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("drift mode '" + label + "' is not one of "
                        + Arrays.stream(values()).map(DriftMode::label).collect(Collectors.joining(", "))));
    }
}
