package io.atoll.cell.contracts.events;

/**
 * The kinds of {@link CellEvent}, each also the routing key it is published under, and where they are
 * published. Consumers bind with patterns such as {@code order.*}.
 */
public final class CellEventTypes {
    /** The cell's topic exchange for its domain events, in the cell's own vhost. */
    public static final String EXCHANGE = "atoll.cell.events";
    /** AMQP header carrying the W3C trace context of the change, so a consumer's work joins its trace. */
    public static final String TRACEPARENT_HEADER = "traceparent";

    public static final String MEMBER_JOINED = "member.joined";
    public static final String ORDER_PLACED = "order.placed";
    public static final String ORDER_FULFILLED = "order.fulfilled";
    public static final String ORDER_CANCELLED = "order.cancelled";
    public static final String UPLOAD_STORED = "upload.stored";
    public static final String JOB_REQUESTED = "job.requested";
    /** All jobs of a request are done and its summary is saved; {@code subjectId} is the request's subject. */
    public static final String JOB_COMPLETED = "job.completed";

    private CellEventTypes() {
    }
}
