package io.atoll.cell.app.domain;

import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;

/** Waiting for the stores' concurrent requests. */
public final class AsyncResults {
    private AsyncResults() {
    }

    /** The result, or the store's own exception (not wrapped in a {@link CompletionException}). */
    public static <T> T join(CompletableFuture<T> future) {
        try {
            return future.join();
        } catch (CompletionException failure) {
            if (failure.getCause() instanceof RuntimeException cause) {
                throw cause;
            }
            throw failure;
        }
    }
}
