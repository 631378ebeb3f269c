package io.atoll.edge;

import io.netty.handler.codec.http.FullHttpResponse;

import java.util.List;

/** What a policy decided for a request: forward it, or answer it. */
public sealed interface Decision {
    /**
     * Send the request to the first upstream and, when it fails before answering and the request may go again, to
     * the next one.
     *
     * @param resendable whether the request may go to a second upstream (idempotent by method or key); what went to
     *                   the first is then kept, up to a limit, to send again
     */
    record Forward(List<Upstream> upstreams, boolean resendable) implements Decision {
        public Forward {
            if (upstreams.isEmpty()) {
                throw new IllegalArgumentException("a request is forwarded to at least one upstream");
            }
            upstreams = List.copyOf(upstreams);
        }

        public static Forward to(Upstream upstream) {
            return new Forward(List.of(upstream), false);
        }
    }

    /** Answer the request without forwarding it; the rest of its body is read and dropped. */
    record Answer(FullHttpResponse response) implements Decision {
    }
}
