package io.atoll.edge;

import io.netty.util.concurrent.EventExecutor;

import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;

/**
 * The read-timeout checks of one client connection. At most one is pending and none is ever cancelled: a check
 * re-arms itself while an exchange is under way and lapses between exchanges, which costs far less than a
 * timer per request.
 */
public final class ReadTimeouts {
    private final EventExecutor loop;
    private final Supplier<ProxiedExchange> current;
    private boolean armed;

    /**
     * @param loop the client connection's event loop
     * @param current the connection's exchange under way, or null between exchanges
     */
    public ReadTimeouts(EventExecutor loop, Supplier<ProxiedExchange> current) {
        this.loop = loop;
        this.current = current;
    }

    /** Makes sure a check runs within this many nanoseconds (or sooner, when one is already pending). */
    void arm(long delayNanos) {
        if (!armed) {
            armed = true;
            loop.schedule(this::due, delayNanos, TimeUnit.NANOSECONDS);
        }
    }

    private void due() {
        armed = false;
        ProxiedExchange exchange = current.get();
        if (exchange != null && exchange.awaitingUpstream()) {
            long next = exchange.checkReadTimeout();
            if (next > 0) {
                arm(next);
            }
        }
    }
}
