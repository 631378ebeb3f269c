package io.atoll.cell.storage.api.job;

import io.micronaut.serde.annotation.Serdeable;

import java.util.List;

/** Jobs. */
@Serdeable
public record JobList(List<JobView> items) {
}
