package io.atoll.dataaccess.domain;

import static java.util.Objects.requireNonNull;

/** A column a team sees only masked, under a name of its own ({@code email_hash} for {@code email}). */
public record MaskedColumn(String name, String column, Mask mask) {
    public MaskedColumn {
        requireNonNull(name, "name is null");
        requireNonNull(column, "column is null");
        requireNonNull(mask, "mask is null");
    }
}
