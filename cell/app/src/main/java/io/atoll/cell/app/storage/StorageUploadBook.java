package io.atoll.cell.app.storage;

import io.atoll.cell.app.domain.MemberRef;
import io.atoll.cell.app.domain.Refusal;
import io.atoll.cell.app.domain.RefusedException;
import io.atoll.cell.app.domain.upload.Upload;
import io.atoll.cell.app.domain.upload.UploadBook;
import io.atoll.cell.app.domain.upload.UploadContent;
import io.micronaut.core.type.Argument;
import jakarta.inject.Singleton;

import java.io.InputStream;
import java.net.http.HttpResponse;
import java.util.Optional;

import static java.util.Objects.requireNonNull;

/** Members' uploads through storage's {@code /storage/v1/members/{member}/uploads}. */
@Singleton
final class StorageUploadBook implements UploadBook {
    private final StorageClient storage;

    StorageUploadBook(StorageClient storage) {
        this.storage = requireNonNull(storage, "storage is null");
    }

    @Override
    public Upload store(MemberRef member, long length, InputStream photo) {
        return storage.upload(uploads(member), member, length, photo, Argument.of(Upload.class)).body();
    }

    @Override
    public Upload find(MemberRef member, String uploadId) {
        return storage.get(upload(member, uploadId), Optional.of(member), Argument.of(Upload.class)).body();
    }

    @Override
    public UploadContent content(MemberRef member, String uploadId) {
        HttpResponse<InputStream> response = storage.download(upload(member, uploadId) + "/content", member);
        return new UploadContent(response.headers().firstValue("Content-Type").orElse("application/octet-stream"),
                response.headers().firstValueAsLong("Content-Length").orElse(-1), response.body());
    }

    private static String uploads(MemberRef member) {
        return "/storage/v1/members/" + StorageClient.segment(member.id()) + "/uploads";
    }

    private static String upload(MemberRef member, String uploadId) {
        if (!StorageIds.plausible(uploadId)) {
            throw new RefusedException(Refusal.NOT_FOUND, "Upload not found", "You have no upload " + uploadId + ".");
        }
        return uploads(member) + "/" + StorageClient.segment(uploadId);
    }
}
