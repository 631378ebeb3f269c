package io.atoll.cell.storage.api.member;

import io.atoll.cell.storage.api.PostalAddressBody;
import io.atoll.cell.storage.domain.member.Member;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.serde.annotation.Serdeable;

import java.time.Instant;

/** A member as the API shows them; what is not known yet is null. */
@Serdeable
public record MemberView(String id, String homeCell, @Nullable String email, @Nullable String name,
                         @Nullable PostalAddressBody postalAddress, String tier, String status, Instant joinedAt,
                         Instant updatedAt) {
    public static MemberView of(Member member) {
        return new MemberView(member.id(), member.homeCell(), member.email().orElse(null), member.name().orElse(null),
                member.postalAddress().map(PostalAddressBody::of).orElse(null), member.tier().code(), member.status().code(),
                member.joinedAt(), member.updatedAt());
    }
}
