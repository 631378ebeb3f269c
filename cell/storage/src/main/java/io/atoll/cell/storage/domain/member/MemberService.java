package io.atoll.cell.storage.domain.member;

import io.atoll.cell.contracts.events.CellEventTypes;
import io.atoll.cell.storage.domain.event.DomainEvents;

import java.time.Clock;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;

import static java.util.Objects.requireNonNull;

/** Members: made on first use, with their profile and membership. */
public final class MemberService {
    private final MemberStore members;
    private final DomainEvents events;
    private final Clock clock;

    public MemberService(MemberStore members, DomainEvents events, Clock clock) {
        this.members = requireNonNull(members, "members is null");
        this.events = requireNonNull(events, "events is null");
        this.clock = requireNonNull(clock, "clock is null");
    }

    /**
     * The member, who joins now if this is the first time the cell hears of them.
     *
     * @param homeCell the member's home cell when the caller knows it; this cell otherwise
     */
    public Member ensure(String memberId, Optional<String> homeCell) {
        Optional<Member> known = members.find(memberId);
        if (known.isPresent()) {
            return known.get();
        }
        Instant now = clock.instant();
        Member joining = Member.joining(memberId, homeCell.orElse(events.cellId()), now);
        members.addIfAbsent(joining, events.event(CellEventTypes.MEMBER_JOINED, now, memberId, memberId,
                Map.of("homeCell", joining.homeCell(), "tier", joining.tier().code())));
        // Whether this request or a concurrent one added the member, the stored one is the member.
        return members.find(memberId).orElseThrow(() -> new IllegalStateException("member " + memberId + " vanished"));
    }

    public Member update(String memberId, Optional<String> homeCell, ProfileChange change) {
        Member current = ensure(memberId, homeCell);
        Member changed = current.with(change, clock.instant());
        members.update(changed, changed.membershipDiffersFrom(current));
        return changed;
    }
}
