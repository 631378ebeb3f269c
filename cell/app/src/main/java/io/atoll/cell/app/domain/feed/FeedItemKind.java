package io.atoll.cell.app.domain.feed;

public enum FeedItemKind {
    /** An activity event a device reported in a check-in. */
    ACTIVITY,
    /** The outcome a device reported for a command an operator sent it. */
    COMMAND_RESULT
}
