package io.atoll.cell.app.api.upload;

import io.atoll.cell.app.api.Caller;
import io.atoll.cell.app.domain.upload.PhotoUploads;
import io.atoll.cell.app.domain.upload.Upload;
import io.atoll.cell.app.domain.upload.UploadBook;
import io.atoll.cell.app.domain.upload.UploadContent;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.MediaType;
import io.micronaut.http.ServerHttpRequest;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.PathVariable;
import io.micronaut.http.annotation.Post;
import io.micronaut.http.server.types.files.StreamedFile;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;

import java.net.URI;

import static java.util.Objects.requireNonNull;

/**
 * A member's photo uploads, kept by storage. The photo is the raw request body; it streams through to storage as
 * it arrives and streams back the same way, never whole in the app's memory.
 */
@Controller("/v1/uploads")
@ExecuteOn(TaskExecutors.BLOCKING)
class UploadController {
    private final PhotoUploads photos;
    private final UploadBook uploads;

    UploadController(PhotoUploads photos, UploadBook uploads) {
        this.photos = requireNonNull(photos, "photos is null");
        this.uploads = requireNonNull(uploads, "uploads is null");
    }

    /**
     * Takes a JPEG, PNG or WebP photo, whatever Content-Type says: 201 with the upload; 411 without Content-Length,
     * 413 over the limit (both before any of the body is read), 415 for anything but a photo.
     */
    @Post(consumes = MediaType.ALL)
    HttpResponse<Upload> upload(Caller caller, HttpRequest<?> request) {
        Upload upload = photos.upload(caller.member(), request.getHeaders().contentLength(),
                () -> ((ServerHttpRequest<?>) request).byteBody().toInputStream());
        return HttpResponse.<Upload>status(HttpStatus.CREATED).body(upload)
                .headers(headers -> headers.location(URI.create("/v1/uploads/" + upload.id())));
    }

    /** The upload's record: type, size, digest, status, and what processing found. */
    @Get("/{uploadId}")
    Upload read(Caller caller, @PathVariable String uploadId) {
        return uploads.find(caller.member(), uploadId);
    }

    @Get("/{uploadId}/content")
    HttpResponse<StreamedFile> content(Caller caller, @PathVariable String uploadId) {
        UploadContent content = uploads.content(caller.member(), uploadId);
        StreamedFile file = new StreamedFile(content.bytes(), MediaType.of(content.contentType()), 0, content.length());
        // Only ever the member's own photo: no shared cache keeps it, no browser guesses another type for it.
        return HttpResponse.ok(file).header("Cache-Control", "private, max-age=300").header("X-Content-Type-Options", "nosniff");
    }
}
