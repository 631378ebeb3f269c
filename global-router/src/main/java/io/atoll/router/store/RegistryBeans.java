package io.atoll.router.store;

import io.atoll.router.config.RegistrySettings;
import io.atoll.router.domain.CurrentRegistry;
import io.micronaut.context.annotation.Factory;
import io.micronaut.json.JsonMapper;
import jakarta.inject.Singleton;

import java.time.Clock;

/** The registry the router starts with, read from its file here, where the file's format is known. */
@Factory
final class RegistryBeans {
    @Singleton
    CurrentRegistry currentRegistry(RegistrySettings settings, JsonMapper json, Clock clock) {
        return new CurrentRegistry(RegistryFileWatcher.load(settings.file(), json), clock.instant());
    }
}
