package io.atoll.cell.workers.domain.notify;

/**
 * Somewhere a completed request is reported: a Slack incoming webhook, a signed generic webhook, a GitHub
 * commit status. The pipeline records every notification (pending, sent, failed with its reason) and retries
 * a failed send with back-off; a channel only sends.
 */
public interface NotificationChannel {
    /** The channel's name as recorded with each notification: slack, webhook, github-status. */
    String name();

    /** Whether this completion is reported on this channel at all (a commit status only for repository scans). */
    boolean appliesTo(Completion completion);

    /** Where it would be sent, as recorded with the notification (a URL, or owner/repo@sha). */
    String target(Completion completion);

    /**
     * Sends it once. The notification id goes with it so that a receiver recognises a retry.
     *
     * @throws NotificationFailedException when it was not delivered; {@link NotificationFailedException#retryable()}
     *                                     says whether trying again can help (a 5xx, a timeout) or not (a 4xx)
     */
    void send(Notification notification) throws NotificationFailedException;
}
