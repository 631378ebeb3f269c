package io.atoll.cell.app.api.feed;

import io.atoll.cell.app.api.Caller;
import io.atoll.cell.app.domain.feed.FeedCursor;
import io.atoll.cell.app.domain.feed.FeedPage;
import io.atoll.cell.app.domain.feed.FeedSync;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.QueryValue;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.Size;

import java.util.Optional;

import static java.util.Objects.requireNonNull;

/** Feed sync: the member's feed items after a cursor, oldest first. Without a cursor it starts at the oldest item kept. */
@Controller("/v1/sync")
@ExecuteOn(TaskExecutors.BLOCKING)
class SyncController {
    static final int MAX_LIMIT = 500;

    private final FeedSync feed;

    SyncController(FeedSync feed) {
        this.feed = requireNonNull(feed, "feed is null");
    }

    @Get
    SyncResponse sync(Caller caller, @Nullable @QueryValue @Size(max = 200) String cursor,
                      @QueryValue(defaultValue = "100") @Min(1) @Max(MAX_LIMIT) int limit) {
        FeedPage page = feed.page(caller.accountId(), Optional.ofNullable(cursor).map(FeedCursor::decode), limit);
        return new SyncResponse(page.items().stream().map(FeedItemView::of).toList(), page.next().encode(), page.hasMore());
    }
}
