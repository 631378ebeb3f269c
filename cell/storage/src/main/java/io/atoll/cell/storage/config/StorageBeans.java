package io.atoll.cell.storage.config;

import io.atoll.cell.storage.domain.catalogue.Catalogue;
import io.atoll.cell.storage.domain.catalogue.CatalogueService;
import io.atoll.cell.storage.domain.event.DomainEvents;
import io.atoll.cell.storage.domain.member.MemberService;
import io.atoll.cell.storage.domain.member.MemberStore;
import io.atoll.cell.storage.domain.order.OrderService;
import io.atoll.cell.storage.domain.order.OrderStore;
import io.atoll.cell.storage.domain.order.WarehouseRegions;
import io.atoll.cell.storage.domain.upload.ObjectStore;
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
    UploadService uploadService(UploadStore uploads, ObjectStore objects, DomainEvents events, Clock clock, UploadSettings settings) {
        return new UploadService(uploads, objects, events, clock, settings.maxBytes(), settings.retention());
    }

    @Singleton
    OrderService orderService(OrderStore orders, Catalogue catalogue, CellSettings cell, DomainEvents events, Clock clock) {
        return new OrderService(orders, catalogue, new WarehouseRegions(cell.region()), events, clock);
    }
}
