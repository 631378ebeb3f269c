package io.atoll.cell.app.config;

import io.micronaut.context.annotation.Context;

/**
 * Refuses to start with a settle delay too short for the write window: a sync could then hand out a
 * cursor past a feed write that is still landing, and the client would never see that item.
 */
@Context
final class FeedTimingCheck {
    FeedTimingCheck(FeedSettings feed, CassandraSettings cassandra) {
        if (feed.settleDelay().compareTo(feed.writeWindow().plus(cassandra.requestTimeout())) < 0) {
            throw new IllegalStateException("atoll.app.feed.settle-delay (" + feed.settleDelay() + ") must be at least"
                    + " atoll.app.feed.write-window (" + feed.writeWindow() + ") plus atoll.app.cassandra.request-timeout ("
                    + cassandra.requestTimeout() + ")");
        }
    }
}
