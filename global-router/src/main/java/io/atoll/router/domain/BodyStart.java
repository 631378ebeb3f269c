package io.atoll.router.domain;

/**
 * The first bytes of a request's body, read before the request is routed.
 *
 * @param bytes the bytes read, in {@code [0, length)}
 * @param complete whether they are the whole body
 */
public record BodyStart(byte[] bytes, int length, boolean complete) {
    public BodyStart {
        if (length < 0 || length > bytes.length) {
            throw new IllegalArgumentException("length " + length + " is outside the " + bytes.length + " bytes read");
        }
    }
}
