package io.atoll.cell.app.config;

import io.atoll.cell.app.domain.device.DeviceRules;
import io.micronaut.context.annotation.ConfigurationProperties;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Positive;

import java.time.Duration;

/**
 * @param maxPerMember how many active devices one member may have
 * @param retiredRetention how long a retired device stays readable before it is gone
 * @param activeCacheTtl how long this instance trusts that a device it found active is still active, without
 *     reading it again. A retirement through this instance takes effect at once, but another replica of the
 *     app cannot reach this instance's memory, so a device retired there may still check in here for up to
 *     this long. That is acceptable because retiring only stops a device the member no longer uses: what it
 *     sends meanwhile is what it could have sent just before, and ownership, the part that guards access,
 *     never changes.
 * @param activeCacheMaxSize how many active devices this instance remembers at most
 */
@ConfigurationProperties("atoll.app.devices")
public record DeviceSettings(
        @Positive int maxPerMember,
        @NotNull Duration retiredRetention,
        @NotNull Duration activeCacheTtl,
        @Positive long activeCacheMaxSize) implements DeviceRules {
}
