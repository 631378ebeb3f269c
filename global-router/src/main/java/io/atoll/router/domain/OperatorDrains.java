package io.atoll.router.domain;

import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The cells an operator drained through the admin API, by id. Kept apart from the registry so that a reload
 * of the registry file leaves them drained.
 */
public final class OperatorDrains {
    private final Set<String> drained = ConcurrentHashMap.newKeySet();

    public void drain(String cellId) {
        drained.add(cellId);
    }

    public void undrain(String cellId) {
        drained.remove(cellId);
    }

    public boolean isDrained(String cellId) {
        return drained.contains(cellId);
    }
}
