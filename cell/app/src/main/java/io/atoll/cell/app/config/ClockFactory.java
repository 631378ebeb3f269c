package io.atoll.cell.app.config;

import io.micronaut.context.annotation.Factory;
import jakarta.inject.Singleton;

import java.time.Clock;

/** The one clock the app reads time from, so tests and code agree on what "now" is. */
@Factory
final class ClockFactory {
    @Singleton
    Clock clock() {
        return Clock.systemUTC();
    }
}
