package io.atoll.cell.app.domain.profile;

import io.atoll.cell.app.domain.MemberRef;

/** The members' business records in storage, each created the first time anything asks for it. */
public interface ProfileBook {
    Profile find(MemberRef member);

    Profile change(MemberRef member, ProfileChange change);
}
