package io.atoll.cell.workers.domain.pipeline;

/** What became of a message once the pipeline has handled it. */
public enum Handling {
    /** Its work is done and durable: it is recorded as handled and acknowledged. */
    DONE,
    /** Its work is to be tried again after a pause: it goes to the next retry queue and is acknowledged. */
    RETRY,
    /** Another worker holds its work now: it is acknowledged without being recorded as handled. */
    LEFT_TO_ANOTHER
}
