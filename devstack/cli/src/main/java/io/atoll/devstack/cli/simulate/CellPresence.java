package io.atoll.devstack.cli.simulate;

import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/**
 * Notices a cell vanishing from the fleet's answers ({@code X-Atoll-Cell}) and coming back: the sign, seen from
 * the devices, of a cell killed, drained or restored.
 */
final class CellPresence {
    private final long absenceNanos;
    private final Set<String> gone = new HashSet<>();

    /** @param absence how long a cell that answered before must stay silent to count as gone */
    CellPresence(Duration absence) {
        this.absenceNanos = absence.toNanos();
    }

    /** What changed since the last call, given when each cell last answered and the time now (both as nano times). */
    List<String> changes(Map<String, Long> lastAnswers, long now) {
        List<String> changes = new ArrayList<>();
        new TreeMap<>(lastAnswers).forEach((cell, last) -> {
            boolean silent = now - last > absenceNanos;
            if (silent && gone.add(cell)) {
                changes.add(String.format("cell %s stopped answering (nothing from it for %.1f s)", cell, (now - last) / 1e9));
            } else if (!silent && gone.remove(cell)) {
                changes.add("cell " + cell + " answers again");
            }
        });
        return changes;
    }
}
