package io.atoll.cell.app.storage;

import io.atoll.cell.app.domain.MemberRef;
import io.atoll.cell.app.domain.profile.Profile;
import io.atoll.cell.app.domain.profile.ProfileBook;
import io.atoll.cell.app.domain.profile.ProfileChange;
import io.micronaut.core.type.Argument;
import jakarta.inject.Singleton;

import java.util.Map;
import java.util.Optional;

import static java.util.Objects.requireNonNull;

/** Members' records through storage's {@code /storage/v1/members/{member}}, which creates one on first use. */
@Singleton
final class StorageProfileBook implements ProfileBook {
    private final StorageClient storage;

    StorageProfileBook(StorageClient storage) {
        this.storage = requireNonNull(storage, "storage is null");
    }

    @Override
    public Profile find(MemberRef member) {
        return storage.get(path(member), Optional.of(member), Argument.of(Profile.class)).body();
    }

    @Override
    public Profile change(MemberRef member, ProfileChange change) {
        return storage.send("PUT", path(member), member, change, Map.of(), Argument.of(Profile.class)).body();
    }

    private static String path(MemberRef member) {
        return "/storage/v1/members/" + StorageClient.segment(member.id());
    }
}
