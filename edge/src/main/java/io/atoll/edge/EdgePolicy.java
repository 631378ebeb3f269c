package io.atoll.edge;

import io.netty.handler.codec.http.HttpHeaders;
import io.netty.handler.codec.http.HttpRequest;

/**
 * What an edge does with the requests it receives: the edge moves the bytes (client connections, pipelining,
 * back-pressure, upstream pools, early answers, timeouts, resends), its policy says where each request goes. The
 * global router's policy chooses a cell; a cell ingress's policy authorises and chooses the app or the service itself.
 */
public interface EdgePolicy {
    /**
     * The policy's part in one well-formed request, taken when its head has arrived. Runs on the client connection's
     * event loop, so it must not block.
     */
    RequestPolicy forRequest(HttpRequest head);

    /** The edge answers a request too malformed to be given to the policy (400, 414, 431): the policy adds its headers. */
    default void answeringMalformed(HttpHeaders headers) {
    }
}
