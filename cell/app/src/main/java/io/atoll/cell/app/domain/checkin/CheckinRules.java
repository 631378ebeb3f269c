package io.atoll.cell.app.domain.checkin;

import java.time.Duration;

/**
 * How devices check in: how often they are told to come back, what one check-in may carry, and how long it is
 * kept. The service's settings provide it ({@code atoll.app.checkin.*}, documented in the module's README).
 */
public interface CheckinRules {
    /** The interval handed out while the cell is not busy. */
    Duration interval();

    /** The longest interval handed out when the cell is busy. */
    Duration maxInterval();

    /** Check-ins in progress at once beyond which the interval grows in proportion. */
    int busyInFlight();

    /** The fraction by which an interval is randomly shortened or lengthened. */
    double jitter();

    int maxEvents();

    /** How far ahead of the server's clock a client timestamp may be. */
    Duration maxClockSkew();

    /** How far behind the server's clock a client timestamp may be. */
    Duration maxAge();

    /** How long raw check-ins are kept, and with them the ids that make a check-in idempotent. */
    Duration hotWindow();
}
