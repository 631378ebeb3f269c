package io.atoll.cell.auth.config;

import io.micronaut.context.annotation.ConfigurationProperties;
import io.micronaut.core.bind.annotation.Bindable;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;

import java.time.Duration;

/**
 * Limits on failed sign-ins.
 *
 * @param accountMaxFailures failed sign-ins of one account inside the window before it is locked
 * @param addressMaxFailures failed sign-ins from one client address inside the window before it is refused
 * @param window the period over which failures are counted
 * @param lockout how long an account or address stays refused once over its limit
 */
@ConfigurationProperties("atoll.auth.login-throttle")
public record LoginThrottleSettings(
        @Bindable(defaultValue = "5") @Min(1) int accountMaxFailures,
        @Bindable(defaultValue = "20") @Min(1) int addressMaxFailures,
        @Bindable(defaultValue = "15m") @NotNull Duration window,
        @Bindable(defaultValue = "15m") @NotNull Duration lockout) {
}
