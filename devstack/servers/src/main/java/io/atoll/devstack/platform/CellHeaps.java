package io.atoll.devstack.platform;

import java.util.regex.Pattern;

import static java.util.Objects.requireNonNull;

/**
 * The JVM heap of a cell's app, storage and workers, in {@code -Xmx} notation ({@code 192m}, {@code 1g}).
 *
 * @param app the mobile API's heap
 * @param storage storage's heap
 * @param workers the workers' heap (the jobs they run are processes of their own, with heaps of their own)
 */
public record CellHeaps(String app, String storage, String workers) {
    private static final Pattern HEAP_SIZE = Pattern.compile("[1-9][0-9]*[kmgKMG]");
    /** What `./atoll up` gives them: room to spare for a developer trying things out. */
    public static final CellHeaps LOCAL = new CellHeaps("256m", "192m", "160m");

    public CellHeaps {
        requireSize(app, "app");
        requireSize(storage, "storage");
        requireSize(workers, "workers");
    }

    private static void requireSize(String heap, String service) {
        requireNonNull(heap, service + " is null");
        if (!HEAP_SIZE.matcher(heap).matches()) {
            throw new IllegalArgumentException("the " + service + " heap must be a size such as 192m or 1g, not " + heap);
        }
    }
}
