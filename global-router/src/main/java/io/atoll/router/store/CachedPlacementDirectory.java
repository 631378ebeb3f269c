package io.atoll.router.store;

import com.github.benmanes.caffeine.cache.AsyncLoadingCache;
import com.github.benmanes.caffeine.cache.Caffeine;
import com.github.benmanes.caffeine.cache.Expiry;
import io.atoll.router.config.PlacementSettings;
import io.atoll.router.domain.AccountKey;
import io.atoll.router.domain.PlacementDirectory;
import io.atoll.router.domain.PlacementUnavailableException;
import io.atoll.router.domain.Reservation;
import io.micronaut.scheduling.TaskExecutors;
import jakarta.inject.Named;
import jakarta.inject.Singleton;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Duration;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * The placement directory in PostgreSQL behind an in-memory cache of homes. Placements never change, so a known
 * one is kept until the cache is full; "unknown" is kept briefly. When the database fails or is slow, a login
 * counts as unknown and is routed to the nearest cell: routing never waits on the database for long. A sign-up
 * is the exception: its address must be held before a cell creates the account, so it always asks the database
 * and is refused when the database does not answer.
 */
@Singleton
final class CachedPlacementDirectory implements PlacementDirectory {
    private static final Logger LOG = LoggerFactory.getLogger(CachedPlacementDirectory.class);

    private final PlacementRepository repository;
    private final ExecutorService blocking;
    private final AsyncLoadingCache<AccountKey, Optional<String>> homes;
    private final Duration lookupTimeout;
    private final Duration holdTimeout;

    CachedPlacementDirectory(PlacementRepository repository, PlacementSettings settings,
                             @Named(TaskExecutors.BLOCKING) ExecutorService blocking) {
        this.repository = repository;
        this.blocking = blocking;
        this.lookupTimeout = settings.lookupTimeout();
        this.holdTimeout = settings.holdTimeout();
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
    public CompletableFuture<Reservation> reserve(AccountKey account, String cellId) {
        UUID hold = UUID.randomUUID();
        CompletableFuture<Reservation> held = CompletableFuture.supplyAsync(() -> {
            repository.holdIfAbsent(account.value(), cellId, hold);
            Placement holder = repository.findByAccountKey(account.value())
                    .orElseThrow(() -> new IllegalStateException("the hold just written is gone"));
            return new Reservation(account, holder.cellId(), hold.equals(holder.holdId()) ? Optional.of(hold) : Optional.empty());
        }, blocking);
        return held.copy()
                .orTimeout(holdTimeout.toMillis(), TimeUnit.MILLISECONDS)
                .exceptionallyCompose(failure -> {
                    boolean late = failure instanceof TimeoutException;
                    if (late) {
                        // The sign-up is refused, so a hold the database writes after all must not outlive it.
                        held.thenAccept(this::release);
                    }
                    String why = late ? "no answer within " + holdTimeout.toMillis() + " ms" : failure.getMessage();
                    LOG.warn("Placement directory could not hold the address of account {} for a sign-up: {}", abbreviated(account), why);
                    return CompletableFuture.failedFuture(new PlacementUnavailableException(
                            "the placement directory could not be reached; the sign-up was not sent to a cell", failure));
                });
    }

    @Override
    public void place(AccountKey account, String cellId) {
        homes.put(account, CompletableFuture.completedFuture(Optional.of(cellId)));
        blocking.execute(() -> {
            try {
                repository.confirm(account.value(), cellId);
                repository.findHomeCell(account.value())
                        .filter(placed -> !placed.equals(cellId))
                        .ifPresent(placed -> {
                            LOG.error("Account {} was created in cell {} but lives in cell {}: it has an account in each", abbreviated(account),
                                    cellId, placed);
                            homes.put(account, CompletableFuture.completedFuture(Optional.of(placed)));
                        });
            } catch (RuntimeException e) {
                LOG.warn("Placement of account {} in cell {} not stored: {}", abbreviated(account), cellId, e.toString());
            }
        });
    }

    @Override
    public void release(Reservation reservation) {
        reservation.hold().ifPresent(hold -> blocking.execute(() -> {
            try {
                repository.releaseHold(reservation.account().value(), hold);
            } catch (RuntimeException e) {
                // The hold stays: a later sign-up of the address goes to the same cell, which creates the account then.
                LOG.warn("Hold of account {} in cell {} not released: {}", abbreviated(reservation.account()), reservation.cellId(), e.toString());
            }
        }));
    }

    private Optional<String> load(AccountKey account) {
        try {
            return repository.findHomeCell(account.value());
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
