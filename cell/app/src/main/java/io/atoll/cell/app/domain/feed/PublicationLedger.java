package io.atoll.cell.app.domain.feed;

import java.util.UUID;

/** Where the source of a publication (a check-in receipt, a command) records its feed position. */
public interface PublicationLedger {
    /**
     * Moves the publication from {@code expected} to {@code replacement} unless another writer moved it
     * first, atomically; answers the position that holds afterwards.
     */
    UUID reposition(UUID expected, UUID replacement);
}
