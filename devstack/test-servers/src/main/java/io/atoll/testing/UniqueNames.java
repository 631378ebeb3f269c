package io.atoll.testing;

import java.util.Locale;
import java.util.UUID;

/** Names for per-test databases, vhosts and keyspaces: valid everywhere, never reused. */
final class UniqueNames {
    private UniqueNames() {
    }

    /** {@code prefix} lower-cased to letters, digits and underscores, then a random suffix; at most 48 characters. */
    static String of(String prefix) {
        String clean = prefix.toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9]+", "_").replaceAll("^_+|_+$", "");
        if (clean.isEmpty() || !Character.isLetter(clean.charAt(0))) {
            clean = "t_" + clean;
        }
        if (clean.length() > 35) {
            clean = clean.substring(0, 35);
        }
        return clean + "_" + UUID.randomUUID().toString().replace("-", "").substring(0, 12);
    }
}
