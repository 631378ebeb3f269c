package io.atoll.cell.storage.api.job;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.serde.annotation.Serdeable;

import java.util.List;

/** A page of job requests, newest first; {@code next} is the {@code after} of the following page. */
@Serdeable
public record JobRequestList(List<JobRequestView> items, @Nullable String next) {
}
