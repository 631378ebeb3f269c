package io.atoll.cell.app.domain;

import java.util.Optional;

import static java.util.Objects.requireNonNull;

/**
 * A member as the cell's ingress named them: the account id and, when the token said, the cell the member
 * lives in. Storage keeps the member's business record under that id and creates it on first use with this
 * home cell.
 */
public record MemberRef(String id, Optional<String> homeCell) {
    public MemberRef {
        requireNonNull(id, "id is null");
        requireNonNull(homeCell, "homeCell is null");
    }
}
