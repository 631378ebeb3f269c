package io.atoll.cell.storage.api.upload;

import io.atoll.cell.storage.api.Scopes;
import io.atoll.cell.storage.domain.Refusal;
import io.atoll.cell.storage.domain.RefusedException;
import io.atoll.cell.storage.domain.upload.PurgeOutcome;
import io.atoll.cell.storage.domain.upload.Upload;
import io.atoll.cell.storage.domain.upload.UploadPurge;
import io.atoll.cell.storage.domain.upload.UploadService;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.HttpHeaders;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.MediaType;
import io.micronaut.http.annotation.Body;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.Header;
import io.micronaut.http.annotation.PathVariable;
import io.micronaut.http.annotation.Post;
import io.micronaut.http.annotation.Put;
import io.micronaut.http.server.types.files.StreamedFile;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;
import io.micronaut.security.annotation.Secured;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Pattern;

import java.io.IOException;
import java.io.InputStream;
import java.util.Optional;
import java.util.UUID;

import static java.util.Objects.requireNonNull;

/**
 * Uploads as the pipeline works on them, whoever's they are: a photo's bytes, what is derived from it (thumbnails),
 * and the purge of those past their retention. Derived bytes are streamed to the object store as they arrive, like
 * uploads, under the same limit.
 */
@Controller("/storage/v1/uploads")
@ExecuteOn(TaskExecutors.BLOCKING)
class InternalUploadController {
    private final UploadService uploads;
    private final UploadPurge purge;

    InternalUploadController(UploadService uploads, UploadPurge purge) {
        this.uploads = requireNonNull(uploads, "uploads is null");
        this.purge = requireNonNull(purge, "purge is null");
    }

    @Get("/{uploadId}/content")
    @Secured(Scopes.READ)
    HttpResponse<StreamedFile> content(@PathVariable UUID uploadId) {
        return ObjectResponses.streamed(uploads.content(uploadId));
    }

    /** Stores the bytes under the name, in place of what was stored under it before. */
    @Put(value = "/{uploadId}/derived/{name}", consumes = MediaType.ALL)
    @Secured(Scopes.WRITE)
    HttpResponse<DerivedObjectView> putDerived(@PathVariable UUID uploadId, @PathVariable @Pattern(regexp = Upload.DERIVED_NAME) String name,
                                               @Header(HttpHeaders.CONTENT_TYPE) @Nullable String contentType,
                                               @Header(HttpHeaders.CONTENT_LENGTH) @Nullable Long contentLength,
                                               @Body InputStream body) throws IOException {
        // Closing the body when refusing early lets the server discard what the client is still sending.
        try (body) {
            if (contentLength == null) {
                throw new RefusedException(Refusal.LENGTH_REQUIRED, "Length required", "A derived object must state its Content-Length.");
            }
            String key = uploads.storeDerived(uploadId, name, Optional.ofNullable(contentType), contentLength, body);
            return HttpResponse.<DerivedObjectView>status(HttpStatus.CREATED).body(new DerivedObjectView(key));
        }
    }

    @Get("/{uploadId}/derived/{name}")
    @Secured(Scopes.READ)
    HttpResponse<StreamedFile> derived(@PathVariable UUID uploadId, @PathVariable @Pattern(regexp = Upload.DERIVED_NAME) String name) {
        return ObjectResponses.streamed(uploads.derived(uploadId, name));
    }

    /** Purges at most {@code limit} expired uploads (100 without a body); {@code more} says whether to call again. */
    @Post("/purge-expired")
    @Secured(Scopes.WRITE)
    PurgeView purgeExpired(@Body @Nullable @Valid PurgeBody body) {
        PurgeOutcome outcome = purge.purgeExpired(body == null ? PurgeBody.DEFAULT_LIMIT : body.limit());
        return new PurgeView(outcome.purged(), outcome.more());
    }
}
