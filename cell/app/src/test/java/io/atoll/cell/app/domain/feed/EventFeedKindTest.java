package io.atoll.cell.app.domain.feed;

import io.atoll.cell.contracts.events.CellEventTypes;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class EventFeedKindTest {
    @Test
    void ordersUploadsAndCompletedJobsReachTheFeed() {
        assertThat(EventFeed.kindOf(CellEventTypes.ORDER_PLACED)).contains(FeedItemKind.ORDER);
        assertThat(EventFeed.kindOf(CellEventTypes.UPLOAD_STORED)).contains(FeedItemKind.UPLOAD);
        assertThat(EventFeed.kindOf(CellEventTypes.JOB_COMPLETED)).contains(FeedItemKind.JOB);
    }

    @Test
    void requestsAndMembershipChangesDoNot() {
        assertThat(EventFeed.kindOf(CellEventTypes.JOB_REQUESTED)).isEmpty();
        assertThat(EventFeed.kindOf(CellEventTypes.MEMBER_JOINED)).isEmpty();
    }
}
