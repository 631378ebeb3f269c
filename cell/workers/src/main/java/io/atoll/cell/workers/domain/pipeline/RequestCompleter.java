package io.atoll.cell.workers.domain.pipeline;

import io.atoll.cell.contracts.tracing.TraceParent;
import io.atoll.cell.workers.domain.notify.Completion;
import io.atoll.cell.workers.domain.notify.NotificationChannel;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.util.List;
import java.util.UUID;

import static java.util.Objects.requireNonNull;

/**
 * Completes a request once every job of it is final: its summary is saved (storage lets the first completion win,
 * so two workers finishing its last jobs at once complete it once), then one notification message goes out per
 * channel that reports it. The messages go out again whenever this runs for a complete request, so a worker that
 * stopped between the two leaves nothing undone; a notification's id is derived from the request and the channel,
 * so the notifier sends each one once however often it is asked.
 */
public final class RequestCompleter {
    private static final Logger LOG = LoggerFactory.getLogger(RequestCompleter.class);

    private final PipelineStorage storage;
    private final PipelineMessages messages;
    private final List<NotificationChannel> channels;
    private final String cell;

    public RequestCompleter(PipelineStorage storage, PipelineMessages messages, List<NotificationChannel> channels, String cell) {
        this.storage = requireNonNull(storage, "storage is null");
        this.messages = requireNonNull(messages, "messages is null");
        this.channels = List.copyOf(requireNonNull(channels, "channels is null"));
        this.cell = requireNonNull(cell, "cell is null");
    }

    public void completeIfDone(UUID requestId, TraceParent trace) {
        JobRequest request = storage.request(requestId, trace);
        if (!request.complete()) {
            if (!request.readyToComplete()) {
                return;
            }
            List<JobResult> memberPhotos = request.kind().equals(JobKinds.PHOTO_REQUEST) && request.memberId() != null
                    ? storage.memberResults(request.memberId(), JobKinds.PHOTO_REQUEST, trace)
                    : List.of();
            request = storage.complete(requestId, CompletionSummary.summarise(request, memberPhotos), trace);
            LOG.info("Request {} ({}) completed {}: {}", requestId, request.kind(), request.status(),
                    JsonValues.text(request.summary(), Completions.HEADLINE).orElse(""));
        }
        Completion completion = Completions.of(request, cell);
        for (NotificationChannel channel : channels) {
            if (channel.appliesTo(completion)) {
                messages.publishNotification(new NotificationMessage(PipelineIds.notification(requestId, channel.name()), requestId, channel.name()),
                        trace);
            }
        }
    }
}
