package io.atoll.cell.app.domain.device;

import java.time.Duration;

/** How many devices a member may have and how long what is known of them lasts; the service's settings provide it ({@code atoll.app.devices.*}). */
public interface DeviceRules {
    /** How many active devices one member may have. */
    int maxPerMember();

    /** How long a retired device stays readable. */
    Duration retiredRetention();

    /** How long this instance trusts, without reading it again, that a device it found active still is. */
    Duration activeCacheTtl();

    /** How many active devices this instance remembers at most. */
    long activeCacheMaxSize();
}
