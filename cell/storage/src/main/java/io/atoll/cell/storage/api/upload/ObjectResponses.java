package io.atoll.cell.storage.api.upload;

import io.atoll.cell.storage.domain.upload.StoredObject;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.MediaType;
import io.micronaut.http.server.types.files.StreamedFile;

/** Bytes from the object store, streamed to the client with their type, length and date. */
final class ObjectResponses {
    private ObjectResponses() {
    }

    static HttpResponse<StreamedFile> streamed(StoredObject object) {
        return HttpResponse.ok(new StreamedFile(object.bytes(), MediaType.of(object.contentType()), object.lastModified().toEpochMilli(),
                object.length()));
    }
}
