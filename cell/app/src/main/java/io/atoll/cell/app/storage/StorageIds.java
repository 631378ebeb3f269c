package io.atoll.cell.app.storage;

import java.util.regex.Pattern;

/** What the ids storage hands out look like. */
final class StorageIds {
    /** Letters, digits and a few separators, never a dot segment: safe as a path segment of storage's URLs. */
    private static final Pattern PLAUSIBLE = Pattern.compile("[A-Za-z0-9][A-Za-z0-9_.-]{0,127}");

    private StorageIds() {
    }

    /** Whether the id can name anything in storage; one that cannot is answered as not found without asking. */
    static boolean plausible(String id) {
        return PLAUSIBLE.matcher(id).matches();
    }
}
