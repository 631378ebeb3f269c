package io.atoll.cell.workers.messaging;

import io.atoll.cell.workers.domain.pipeline.JobMessage;
import io.atoll.cell.workers.domain.pipeline.NotificationMessage;
import io.micronaut.serde.annotation.SerdeImport;

/** The workers' own messages travel as the domain's records: {@code {"requestId", "jobId"}} and {@code {"notificationId", "requestId", "channel"}}. */
@SerdeImport(JobMessage.class)
@SerdeImport(NotificationMessage.class)
final class MessageJson {
    private MessageJson() {
    }
}
