package io.atoll.dataaccess.domain;

import java.util.Arrays;
import java.util.Optional;

/** How a masked column is shown instead of its value. */
public enum Mask {
    /** HMAC-SHA256 under a key of the cell's database that no team can read, as 64 hex digits: stable, never the value. */
    KEYED_HASH("keyed-hash");

    private final String code;

    Mask(String code) {
        this.code = code;
    }

    public String code() {
        return code;
    }

    static Optional<Mask> ofCode(String code) {
        return Arrays.stream(values()).filter(mask -> mask.code.equals(code)).findFirst();
    }
}
