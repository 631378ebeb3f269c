package io.atoll.edge;

import io.netty.handler.codec.http.HttpHeaders;
import io.netty.handler.codec.http.HttpResponse;

import java.util.concurrent.CompletionStage;

/**
 * A policy's part in one request: it decides where the request goes, and hears how each attempt went so that it can
 * keep its books (metrics, outlier detection, reservations) and add its headers to the answer. Every call but
 * {@link #decide} comes on the client connection's event loop; attempts are numbered from 0 in the order of the
 * decision's upstreams.
 */
public interface RequestPolicy {
    /** How many bytes of the body the policy reads before it decides; 0 decides on the head alone. */
    default int bodyBytesToDecide() {
        return 0;
    }

    /**
     * Where the request goes, or what it is answered. The request's head may be changed here for the upstream (its
     * headers, say). The stage may complete on any thread.
     *
     * @param body the start of the body when {@link #bodyBytesToDecide()} asked for it, else {@link BodyPrefix#NONE}
     */
    CompletionStage<Decision> decide(BodyPrefix body);

    /** No connection to the attempt's upstream could be opened: the request did not reach it. */
    default void connectFailed(int attempt, Throwable cause) {
    }

    /** The attempt's connection broke before its answer was complete. */
    default void lost(int attempt, Throwable cause) {
    }

    /** The attempt's upstream stayed silent for longer than the read timeout. */
    default void silent(int attempt) {
    }

    /**
     * The attempt's upstream answered with this head: about to go to the client, or set aside because the request is
     * sent to the next upstream instead (a gateway's 502, 503 or 504 to a request that may go again).
     */
    default void responded(int attempt, HttpResponse response) {
    }

    /**
     * An answer the edge gives itself for the request (a timeout, an unreachable upstream, a decision that failed):
     * the policy adds its headers.
     *
     * @param attempt the attempt it answers for, or -1 when no upstream was tried
     */
    default void answeringItself(int attempt, HttpHeaders headers) {
    }

    /** The decision came after the client had gone: nothing was sent anywhere. */
    default void notSent() {
    }

    /**
     * The client had its whole answer, with this status, this long after the head arrived.
     *
     * @param attempt the last attempt made, or -1 when no upstream was tried
     */
    default void answered(int attempt, int status, long nanos) {
    }
}
