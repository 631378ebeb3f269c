package io.atoll.cell.storage.domain.upload;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Optional;

/**
 * Finds an upload's content type from its first bytes, whatever the client claimed: only photos in the formats
 * the pipeline reads are accepted.
 */
public final class ContentSniffer {
    /** How many leading bytes {@link #contentType} needs to decide. */
    public static final int BYTES_NEEDED = 12;
    private static final byte[] JPEG = {(byte) 0xFF, (byte) 0xD8, (byte) 0xFF};
    private static final byte[] PNG = {(byte) 0x89, 'P', 'N', 'G', 0x0D, 0x0A, 0x1A, 0x0A};
    private static final byte[] RIFF = "RIFF".getBytes(StandardCharsets.US_ASCII);
    private static final byte[] WEBP = "WEBP".getBytes(StandardCharsets.US_ASCII);

    private ContentSniffer() {
    }

    /** The content type of a body that begins with {@code head}, or empty if it is not a supported image. */
    public static Optional<String> contentType(byte[] head) {
        if (startsWith(head, 0, JPEG)) {
            return Optional.of("image/jpeg");
        }
        if (startsWith(head, 0, PNG)) {
            return Optional.of("image/png");
        }
        // RIFF, then the 4-byte chunk size, then the form type.
        if (startsWith(head, 0, RIFF) && startsWith(head, 8, WEBP)) {
            return Optional.of("image/webp");
        }
        return Optional.empty();
    }

    private static boolean startsWith(byte[] head, int offset, byte[] signature) {
        return head.length >= offset + signature.length
                && Arrays.equals(head, offset, offset + signature.length, signature, 0, signature.length);
    }
}
