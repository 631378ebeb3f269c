package io.atoll.cell.storage.support;

import java.nio.charset.StandardCharsets;
import java.util.Random;

/** Bodies that begin like images of each accepted format, of any size. */
public final class Images {
    private Images() {
    }

    public static byte[] jpeg(int size) {
        return withHead(size, new byte[]{(byte) 0xFF, (byte) 0xD8, (byte) 0xFF, (byte) 0xE0});
    }

    public static byte[] png(int size) {
        return withHead(size, new byte[]{(byte) 0x89, 'P', 'N', 'G', 0x0D, 0x0A, 0x1A, 0x0A});
    }

    public static byte[] webp(int size) {
        byte[] head = "RIFF\u0000\u0000\u0000\u0000WEBPVP8 ".getBytes(StandardCharsets.ISO_8859_1);
        return withHead(size, head);
    }

    private static byte[] withHead(int size, byte[] head) {
        byte[] body = new byte[size];
        new Random(size).nextBytes(body);
        System.arraycopy(head, 0, body, 0, head.length);
        return body;
    }
}
