package io.atoll.cell.app.domain.order;

import io.atoll.cell.app.domain.MemberRef;

import java.util.Optional;

/** The members' orders, as storage keeps them; each member reaches only their own. */
public interface OrderBook {
    /**
     * Places the order once per idempotency key: the same key with the same request answers the order it placed;
     * with another request it is refused.
     */
    PlacedOrder place(MemberRef member, String idempotencyKey, OrderRequest request);

    /** Up to {@code limit} of the member's orders older than the cursor, newest first. */
    OrderPage page(MemberRef member, int limit, Optional<String> before);

    /** The member's order; refused as not found when it is absent or another member's. */
    Order find(MemberRef member, String orderId);
}
