package io.atoll.cell.app.domain;

import static java.util.Objects.requireNonNull;

/** A request the domain will not carry out, with a reason the caller can read. */
public final class RefusedException extends RuntimeException {
    private final Refusal refusal;
    private final String title;

    public RefusedException(Refusal refusal, String title, String detail) {
        super(requireNonNull(detail, "detail is null"));
        this.refusal = requireNonNull(refusal, "refusal is null");
        this.title = requireNonNull(title, "title is null");
    }

    public static RefusedException deviceNotFound(Object deviceId) {
        return new RefusedException(Refusal.NOT_FOUND, "Device not found", "No device " + deviceId + " is registered to you.");
    }

    public Refusal refusal() {
        return refusal;
    }

    public String title() {
        return title;
    }
}
