package io.atoll.edge;

/**
 * The first bytes of a request's body, read before its policy decides.
 *
 * @param bytes the bytes read, in {@code [0, length)}
 * @param complete whether they are the whole body
 */
public record BodyPrefix(byte[] bytes, int length, boolean complete) {
    /** What a policy that decides on the head alone is given. */
    public static final BodyPrefix NONE = new BodyPrefix(new byte[0], 0, false);

    public BodyPrefix {
        if (length < 0 || length > bytes.length) {
            throw new IllegalArgumentException("length " + length + " is outside the " + bytes.length + " bytes read");
        }
    }
}
