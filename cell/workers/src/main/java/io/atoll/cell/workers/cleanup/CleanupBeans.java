package io.atoll.cell.workers.cleanup;

import io.atoll.cell.workers.config.CellSettings;
import io.atoll.cell.workers.storage.PurgedUploads;
import io.atoll.cell.workers.storage.StorageClient;
import io.atoll.cell.workers.store.CassandraArchiveLedger;
import io.atoll.cell.workers.store.CassandraHotCheckins;
import io.atoll.cell.workers.store.CassandraSettings;
import io.atoll.cell.workers.store.CheckinKeyspace;
import io.atoll.cell.workers.store.ObjectStoreSettings;
import io.atoll.cell.workers.store.ParquetCheckinFiles;
import io.atoll.cell.workers.store.S3LandingZone;
import io.micrometer.core.instrument.MeterRegistry;
import io.micronaut.context.annotation.Bean;
import io.micronaut.context.annotation.Factory;
import jakarta.inject.Singleton;

import java.lang.management.ManagementFactory;
import java.time.Clock;

/** Wires the cleanup job from its settings; nothing connects before the first run. */
@Factory
final class CleanupBeans {
    @Singleton
    @Bean(preDestroy = "close")
    CheckinKeyspace checkinKeyspace(CassandraSettings cassandra, CellSettings cell) {
        return new CheckinKeyspace(cassandra, cassandra.keyspaceOf(cell.id()));
    }

    @Singleton
    @Bean(preDestroy = "close")
    S3LandingZone landingZone(ObjectStoreSettings objectStore, CleanupSettings settings) {
        return new S3LandingZone(S3LandingZone.clientOf(objectStore), settings.landingBucket());
    }

    @Singleton
    CheckinArchive checkinArchive(CellSettings cell, CleanupSettings settings, CheckinKeyspace keyspace, S3LandingZone landingZone, Clock clock) {
        // "pid@host": the pod's name in Kubernetes, so an operator sees which run holds the lease.
        String holder = ManagementFactory.getRuntimeMXBean().getName();
        return new CheckinArchive(cell.id(), new CassandraHotCheckins(keyspace, settings.partitionsInFlight()),
                new CassandraArchiveLedger(keyspace, clock), new ParquetCheckinFiles(), landingZone, clock, settings.lease(), holder);
    }

    @Singleton
    CleanupMetrics cleanupMetrics(MeterRegistry registry) {
        return new CleanupMetrics(registry);
    }

    @Singleton
    CleanupJob cleanupJob(CheckinArchive archive, StorageClient storage, CleanupSettings settings, CleanupMetrics metrics, Clock clock) {
        ExpiredUploads expired = limit -> {
            PurgedUploads purged = storage.purgeExpiredUploads(limit);
            return new ExpiredUploads.Batch(purged.purged(), purged.more());
        };
        return new CleanupJob(archive, new UploadPurge(expired, settings.purgeBatchSize()), metrics, clock);
    }
}
