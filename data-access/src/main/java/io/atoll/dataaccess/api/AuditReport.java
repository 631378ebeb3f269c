package io.atoll.dataaccess.api;

import io.micronaut.serde.annotation.Serdeable;

import java.util.List;

/** What an audit asked for by an operator found, cell by cell. */
@Serdeable
public record AuditReport(List<CellAuditReport> cells) {
}
