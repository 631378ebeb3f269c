package io.atoll.cell.workers.notify;

import io.micronaut.context.annotation.ConfigurationProperties;
import io.micronaut.core.bind.annotation.Bindable;
import jakarta.validation.constraints.NotNull;

import java.time.Duration;

/**
 * How long every notification channel waits for its receiver. Kept short: a slow receiver holds a worker thread,
 * and a notification that timed out is sent again later anyway.
 *
 * @param connectTimeout how long opening a connection to a receiver may take
 * @param requestTimeout how long a receiver may take to answer one notification, counted from the request's start
 */
@ConfigurationProperties("atoll.workers.notifications")
public record NotificationHttpSettings(@Bindable(defaultValue = "2s") @NotNull Duration connectTimeout,
                                       @Bindable(defaultValue = "5s") @NotNull Duration requestTimeout) {
}
