package io.atoll.dataaccess.domain;

import java.util.Arrays;
import java.util.Optional;

/** Which of a cell's database servers a team's people may open sessions on. */
public enum Sessions {
    /** The primary and its read replicas. */
    ANY("any"),
    /** Only the read replicas: the primary's own login rules refuse the team's people, whatever they were granted. */
    REPLICA_ONLY("replica-only");

    private final String code;

    Sessions(String code) {
        this.code = code;
    }

    public String code() {
        return code;
    }

    static Optional<Sessions> ofCode(String code) {
        return Arrays.stream(values()).filter(sessions -> sessions.code.equals(code)).findFirst();
    }
}
