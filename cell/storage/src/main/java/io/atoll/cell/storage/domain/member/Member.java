package io.atoll.cell.storage.domain.member;

import java.time.Instant;
import java.util.Optional;

import static java.util.Objects.requireNonNull;

/**
 * A member of the platform as this cell knows them.
 *
 * @param id the member's account id at the cell's auth
 * @param homeCell the cell the member's account lives in
 */
public record Member(String id, String homeCell, Optional<String> email, Optional<String> name,
                     Optional<PostalAddress> postalAddress, Tier tier, MemberStatus status, Instant joinedAt,
                     Instant updatedAt) {
    public Member {
        requireNonNull(id, "id is null");
        requireNonNull(homeCell, "homeCell is null");
        requireNonNull(email, "email is null");
        requireNonNull(name, "name is null");
        requireNonNull(postalAddress, "postalAddress is null");
        requireNonNull(tier, "tier is null");
        requireNonNull(status, "status is null");
        requireNonNull(joinedAt, "joinedAt is null");
        requireNonNull(updatedAt, "updatedAt is null");
    }

    /** A member seen for the first time: the basic tier, active, nothing personal known yet. */
    public static Member joining(String id, String homeCell, Instant now) {
        return new Member(id, homeCell, Optional.empty(), Optional.empty(), Optional.empty(), Tier.BASIC, MemberStatus.ACTIVE, now, now);
    }

    /** This member with the change applied; what the change leaves out stays as it is. */
    public Member with(ProfileChange change, Instant now) {
        return new Member(id, homeCell, change.email().or(() -> email), change.name().or(() -> name),
                change.postalAddress().or(() -> postalAddress), change.tier().orElse(tier), status, joinedAt, now);
    }

    /** Whether the other state differs in what the membership history records. */
    public boolean membershipDiffersFrom(Member other) {
        return tier != other.tier || status != other.status;
    }
}
