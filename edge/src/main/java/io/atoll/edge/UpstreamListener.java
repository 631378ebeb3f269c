package io.atoll.edge;

/** The exchange using a connection to an upstream, told what happens on it. */
public interface UpstreamListener {
    void upstreamMessage(Object message);

    void upstreamReadComplete();

    void upstreamWritabilityChanged();

    /** The connection closed or failed before the exchange let go of it. */
    void upstreamFailed(Throwable cause);
}
