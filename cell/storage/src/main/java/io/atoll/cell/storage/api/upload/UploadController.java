package io.atoll.cell.storage.api.upload;

import io.atoll.cell.contracts.IdentityHeaders;
import io.atoll.cell.storage.api.MemberIds;
import io.atoll.cell.storage.api.Scopes;
import io.atoll.cell.storage.domain.Refusal;
import io.atoll.cell.storage.domain.RefusedException;
import io.atoll.cell.storage.domain.member.MemberService;
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
import io.micronaut.http.server.types.files.StreamedFile;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;
import io.micronaut.security.annotation.Secured;
import jakarta.validation.constraints.Pattern;

import java.io.IOException;
import java.io.InputStream;
import java.util.Optional;
import java.util.UUID;

import static java.util.Objects.requireNonNull;

/**
 * A member's photos. The body of an upload is read as a stream on a blocking thread and goes to the object store
 * as it arrives: the server never holds a whole upload.
 */
@Controller("/storage/v1/members/{memberId}/uploads")
@ExecuteOn(TaskExecutors.BLOCKING)
class UploadController {
    private final MemberService members;
    private final UploadService uploads;

    UploadController(MemberService members, UploadService uploads) {
        this.members = requireNonNull(members, "members is null");
        this.uploads = requireNonNull(uploads, "uploads is null");
    }

    @Post(consumes = MediaType.ALL)
    @Secured(Scopes.WRITE)
    HttpResponse<UploadView> upload(@PathVariable @Pattern(regexp = MemberIds.PATTERN) String memberId,
                                    @Header(IdentityHeaders.HOME_CELL) @Nullable @Pattern(regexp = MemberIds.CELL_PATTERN) String homeCell,
                                    @Header(HttpHeaders.CONTENT_LENGTH) @Nullable Long contentLength,
                                    @Body InputStream body) throws IOException {
        // Closing the body when refusing early lets the server discard what the client is still sending.
        try (body) {
            if (contentLength == null) {
                throw new RefusedException(Refusal.LENGTH_REQUIRED, "Length required", "An upload must state its Content-Length.");
            }
            members.ensure(memberId, Optional.ofNullable(homeCell));
            UploadView view = UploadView.of(uploads.store(memberId, contentLength, body));
            return HttpResponse.<UploadView>status(HttpStatus.CREATED).body(view)
                    .header(HttpHeaders.LOCATION, "/storage/v1/members/" + memberId + "/uploads/" + view.id());
        }
    }

    @Get("/{uploadId}")
    @Secured(Scopes.READ)
    UploadView read(@PathVariable @Pattern(regexp = MemberIds.PATTERN) String memberId, @PathVariable UUID uploadId) {
        return UploadView.of(uploads.find(memberId, uploadId));
    }

    @Get("/{uploadId}/content")
    @Secured(Scopes.READ)
    HttpResponse<StreamedFile> content(@PathVariable @Pattern(regexp = MemberIds.PATTERN) String memberId, @PathVariable UUID uploadId) {
        return ObjectResponses.streamed(uploads.content(memberId, uploadId));
    }
}
