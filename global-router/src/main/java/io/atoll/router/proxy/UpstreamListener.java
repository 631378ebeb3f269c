package io.atoll.router.proxy;

/** The exchange using a connection to a cell, told what happens on it. */
interface UpstreamListener {
    void upstreamMessage(Object message);

    void upstreamReadComplete();

    void upstreamWritabilityChanged();

    /** The connection closed or failed before the exchange let go of it. */
    void upstreamFailed(Throwable cause);
}
