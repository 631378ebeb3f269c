package io.atoll.cell.app.domain.feed;

public enum FeedItemKind {
    /** An activity event a device reported in a check-in. */
    ACTIVITY,
    /** The outcome a device reported for a command an operator sent it. */
    COMMAND_RESULT,
    /** A member's order was placed or changed status. */
    ORDER,
    /** A member's upload was stored or processed. */
    UPLOAD,
    /** Work done for the member in the background finished: a photo's thumbnails and inspection, say. */
    JOB
}
