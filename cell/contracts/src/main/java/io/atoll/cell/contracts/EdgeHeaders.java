package io.atoll.cell.contracts;

/**
 * The headers of the global router: those a client may send to say where it is or whose request it is, and those
 * the router adds to every answer to say which cell answered and why. Clients, tests and the router spell them
 * from here.
 */
public final class EdgeHeaders {
    /** On answers: the cell that answered, or {@code none}. */
    public static final String CELL = "X-Atoll-Cell";
    /** On answers: why the request went to that cell (e.g. {@code home}, {@code nearest-client-region}). */
    public static final String ROUTE_REASON = "X-Atoll-Route-Reason";
    /** On credential requests, optional: the account's e-mail address, when the body should not be read for it. */
    public static final String ACCOUNT = "X-Atoll-Account";
    /** The client's own round-trip times per region, {@code eu-west-1=38,us-east-1=95}. */
    public static final String RTT = "X-Atoll-Rtt";
    /** The client's region as an edge in front of the router saw it. */
    public static final String CLIENT_REGION = "X-Client-Region";

    private EdgeHeaders() {
    }
}
