package io.atoll.cell.storage.config;

import io.atoll.cell.storage.domain.catalogue.Catalogue;
import io.atoll.cell.storage.domain.catalogue.CatalogueService;
import io.atoll.cell.storage.domain.event.DomainEvents;
import io.atoll.cell.storage.domain.job.JobEvents;
import io.atoll.cell.storage.domain.job.JobRequestService;
import io.atoll.cell.storage.domain.job.JobService;
import io.atoll.cell.storage.domain.job.JobStore;
import io.atoll.cell.storage.domain.job.NotificationService;
import io.atoll.cell.storage.domain.job.ProcessedMessageService;
import io.atoll.cell.storage.domain.job.ProcessedMessageStore;
import io.atoll.cell.storage.domain.member.MemberService;
import io.atoll.cell.storage.domain.member.MemberStore;
import io.atoll.cell.storage.domain.order.OrderService;
import io.atoll.cell.storage.domain.order.OrderStore;
import io.atoll.cell.storage.domain.order.WarehouseRegions;
import io.atoll.cell.storage.domain.upload.ObjectStore;
import io.atoll.cell.storage.domain.upload.UploadPurge;
import io.atoll.cell.storage.domain.upload.UploadService;
import io.atoll.cell.storage.domain.upload.UploadStore;
import io.micronaut.context.annotation.Factory;
import jakarta.inject.Singleton;

import java.time.Clock;
import java.time.Duration;

/** Makes the domain's framework-free objects from the settings and the stores. */
@Factory
final class StorageBeans {
    /** Microseconds, as PostgreSQL keeps them: a time read back equals the time written. */
    @Singleton
    Clock clock() {
        return Clock.tick(Clock.systemUTC(), Duration.ofNanos(1_000));
    }

    @Singleton
    DomainEvents domainEvents(CellSettings cell) {
        return new DomainEvents(cell.id());
    }

    @Singleton
    CatalogueService catalogueService(Catalogue catalogue) {
        return new CatalogueService(catalogue);
    }

    @Singleton
    MemberService memberService(MemberStore members, DomainEvents events, Clock clock) {
        return new MemberService(members, events, clock);
    }

    @Singleton
    JobEvents jobEvents(DomainEvents events) {
        return new JobEvents(events);
    }

    @Singleton
    UploadService uploadService(UploadStore uploads, ObjectStore objects, DomainEvents events, JobEvents jobEvents, Clock clock,
                                UploadSettings settings) {
        return new UploadService(uploads, objects, events, jobEvents, clock, settings.maxBytes(), settings.retention());
    }

    @Singleton
    UploadPurge uploadPurge(UploadStore uploads, ObjectStore objects, ProcessedMessageService processedMessages, Clock clock) {
        return new UploadPurge(uploads, objects, processedMessages, clock);
    }

    @Singleton
    JobRequestService jobRequestService(JobStore jobs, MemberStore members, JobEvents events, Clock clock) {
        return new JobRequestService(jobs, members, events, clock);
    }

    @Singleton
    JobService jobService(JobStore jobs, Clock clock) {
        return new JobService(jobs, clock);
    }

    @Singleton
    NotificationService notificationService(JobStore jobs, Clock clock) {
        return new NotificationService(jobs, clock);
    }

    @Singleton
    ProcessedMessageService processedMessageService(ProcessedMessageStore messages, Clock clock, JobSettings settings) {
        return new ProcessedMessageService(messages, clock, settings.processedMessageRetention());
    }

    @Singleton
    OrderService orderService(OrderStore orders, Catalogue catalogue, CellSettings cell, DomainEvents events, Clock clock) {
        return new OrderService(orders, catalogue, new WarehouseRegions(cell.region()), events, clock);
    }
}
