package io.atoll.router.store;

import com.github.benmanes.caffeine.cache.AsyncLoadingCache;
import com.github.benmanes.caffeine.cache.Caffeine;
import com.github.benmanes.caffeine.cache.Expiry;
import io.atoll.router.config.PlacementSettings;
import io.atoll.router.domain.AccountKey;
import io.atoll.router.domain.PlacementDirectory;
import io.micronaut.scheduling.TaskExecutors;
import jakarta.inject.Named;
import jakarta.inject.Singleton;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.TimeUnit;

/**
 * The placement directory in PostgreSQL behind an in-memory cache. Placements never change, so a known one
 * is kept until the cache is full; "unknown" is kept briefly. When the database fails or is slow, the account
 * counts as unknown and is routed to the nearest cell: routing never waits on the database for long.
 */
@Singleton
final class CachedPlacementDirectory implements PlacementDirectory {
    private static final Logger LOG = LoggerFactory.getLogger(CachedPlacementDirectory.class);

    private final PlacementRepository repository;
    private final ExecutorService blocking;
    private final AsyncLoadingCache<AccountKey, Optional<String>> homes;
    private final Duration lookupTimeout;

    CachedPlacementDirectory(PlacementRepository repository, PlacementSettings settings,
                             @Named(TaskExecutors.BLOCKING) ExecutorService blocking) {
        this.repository = repository;
        this.blocking = blocking;
        this.lookupTimeout = settings.lookupTimeout();
        this.homes = Caffeine.newBuilder()
                .maximumSize(settings.cacheSize())
                .expireAfter(new KeepKnownPlacements(settings.unknownAccountTtl()))
                .executor(blocking)
                .buildAsync(this::load);
    }

    @Override
    public CompletableFuture<Optional<String>> home(AccountKey account) {
        CompletableFuture<Optional<String>> home = homes.get(account);
        return home.isDone() ? home : home.copy().completeOnTimeout(Optional.empty(), lookupTimeout.toMillis(), TimeUnit.MILLISECONDS);
    }

    @Override
    public void place(AccountKey account, String cellId) {
        homes.put(account, CompletableFuture.completedFuture(Optional.of(cellId)));
        blocking.execute(() -> {
            try {
                repository.insertIfAbsent(account.value(), cellId);
                repository.findCellIdByAccountKey(account.value())
                        .filter(placed -> !placed.equals(cellId))
                        .ifPresent(placed -> homes.put(account, CompletableFuture.completedFuture(Optional.of(placed))));
            } catch (RuntimeException e) {
                LOG.warn("Placement of account {} in cell {} not stored: {}", abbreviated(account), cellId, e.toString());
            }
        });
    }

    private Optional<String> load(AccountKey account) {
        try {
            return repository.findCellIdByAccountKey(account.value());
        } catch (RuntimeException e) {
            LOG.warn("Placement directory lookup failed, routing account {} as unknown: {}", abbreviated(account), e.toString());
            return Optional.empty();
        }
    }

    private static String abbreviated(AccountKey account) {
        return account.value().substring(0, 12);
    }

    private record KeepKnownPlacements(Duration unknownAccountTtl) implements Expiry<AccountKey, Optional<String>> {
        @Override
        public long expireAfterCreate(AccountKey account, Optional<String> home, long now) {
            return home.isPresent() ? Long.MAX_VALUE : unknownAccountTtl.toNanos();
        }

        @Override
        public long expireAfterUpdate(AccountKey account, Optional<String> home, long now, long remaining) {
            return expireAfterCreate(account, home, now);
        }

        @Override
        public long expireAfterRead(AccountKey account, Optional<String> home, long now, long remaining) {
            return remaining;
        }
    }
}
