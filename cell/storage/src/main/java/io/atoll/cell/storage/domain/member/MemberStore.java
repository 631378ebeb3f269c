package io.atoll.cell.storage.domain.member;

import io.atoll.cell.contracts.events.CellEvent;

import java.util.Optional;

/** Members in the database. */
public interface MemberStore {
    Optional<Member> find(String id);

    /**
     * Adds the member with the first row of its membership history and its joining event, all or nothing;
     * false when the member already exists (another request added it first).
     */
    boolean addIfAbsent(Member member, CellEvent joined);

    /** Saves the member's new state, with a membership history row when {@code membershipChanged}. */
    void update(Member member, boolean membershipChanged);
}
