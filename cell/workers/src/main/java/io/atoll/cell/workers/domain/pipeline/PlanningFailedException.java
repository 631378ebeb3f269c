package io.atoll.cell.workers.domain.pipeline;

/** Planning a request failed this time (the repository-plan program failed or timed out); a later delivery tries again. */
public final class PlanningFailedException extends RuntimeException {
    public PlanningFailedException(String message) {
        super(message);
    }
}
