package io.atoll.cell.storage.domain.member;

import java.util.Locale;

/** Whether a member's membership is in force. */
public enum MemberStatus {
    ACTIVE, SUSPENDED, CLOSED;

    public String code() {
        return name().toLowerCase(Locale.ROOT);
    }

    public static MemberStatus ofCode(String code) {
        return valueOf(code.toUpperCase(Locale.ROOT));
    }
}
