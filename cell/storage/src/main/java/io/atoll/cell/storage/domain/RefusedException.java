package io.atoll.cell.storage.domain;

import static java.util.Objects.requireNonNull;

/** A request storage will not carry out, with a reason the caller can read. */
public final class RefusedException extends RuntimeException {
    private final Refusal refusal;
    private final String title;

    public RefusedException(Refusal refusal, String title, String detail) {
        super(requireNonNull(detail, "detail is null"));
        this.refusal = requireNonNull(refusal, "refusal is null");
        this.title = requireNonNull(title, "title is null");
    }

    public Refusal refusal() {
        return refusal;
    }

    public String title() {
        return title;
    }
}
