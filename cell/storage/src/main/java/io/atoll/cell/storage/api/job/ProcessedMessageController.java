package io.atoll.cell.storage.api.job;

import io.atoll.cell.storage.api.Scopes;
import io.atoll.cell.storage.domain.job.ProcessedMessageRecord;
import io.atoll.cell.storage.domain.job.ProcessedMessageService;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.PathVariable;
import io.micronaut.http.annotation.Put;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;
import io.micronaut.security.annotation.Secured;
import jakarta.validation.constraints.Pattern;

import static java.util.Objects.requireNonNull;

/** The workers' handler dedupe: a handler records each message it has handled and skips one it finds recorded. */
@Controller("/storage/v1/processed-messages/{consumer}/{messageId}")
@ExecuteOn(TaskExecutors.BLOCKING)
class ProcessedMessageController {
    /** What a consumer name and a message id look like (an event id is a UUID). */
    private static final String NAME = "[A-Za-z0-9][A-Za-z0-9._:@-]{0,199}";

    private final ProcessedMessageService messages;

    ProcessedMessageController(ProcessedMessageService messages) {
        this.messages = requireNonNull(messages, "messages is null");
    }

    /** 201 when this call recorded the message, 200 when it was recorded before. */
    @Put
    @Secured(Scopes.WRITE)
    HttpResponse<ProcessedMessageView> record(@PathVariable @Pattern(regexp = NAME) String consumer,
                                              @PathVariable @Pattern(regexp = NAME) String messageId) {
        ProcessedMessageRecord recorded = messages.record(consumer, messageId);
        return HttpResponse.<ProcessedMessageView>status(recorded.recordedNow() ? HttpStatus.CREATED : HttpStatus.OK)
                .body(ProcessedMessageView.of(recorded.message()));
    }

    /** 404 when the message is not recorded. */
    @Get
    @Secured(Scopes.READ)
    ProcessedMessageView read(@PathVariable @Pattern(regexp = NAME) String consumer, @PathVariable @Pattern(regexp = NAME) String messageId) {
        return ProcessedMessageView.of(messages.find(consumer, messageId));
    }
}
