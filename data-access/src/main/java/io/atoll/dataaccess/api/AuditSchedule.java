package io.atoll.dataaccess.api;

import io.micronaut.scheduling.annotation.Scheduled;
import jakarta.inject.Singleton;

/** Audits every cell's database at start and then every {@code atoll.data-access.audit.interval}. */
@Singleton
final class AuditSchedule {
    private final CellAudits audits;

    AuditSchedule(CellAudits audits) {
        this.audits = audits;
    }

    @Scheduled(fixedDelay = "${atoll.data-access.audit.interval}")
    void audit() {
        audits.runAll();
    }
}
