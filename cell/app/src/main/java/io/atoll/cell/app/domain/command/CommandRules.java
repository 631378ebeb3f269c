package io.atoll.cell.app.domain.command;

import java.time.Duration;

/** How long commands are kept and how many may wait; the service's settings provide it ({@code atoll.app.commands.*}). */
public interface CommandRules {
    /** How long a command is kept, pending or completed. */
    Duration retention();

    /** How many commands may wait for one device at once. */
    int maxPending();
}
