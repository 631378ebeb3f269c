package io.atoll.cell.workers.runner.process;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Optional;

/**
 * What was kept of a program's output stream, read to its end so that the program never blocks on a full pipe:
 * the beginning of it (its result) or the end of it (its diagnostics), with how much there was in all.
 *
 * @param kept at most the limit, as the stream had them
 * @param total the bytes the stream carried in all
 * @param fromEnd whether {@code kept} is the end of the stream rather than its beginning
 */
record CapturedOutput(byte[] kept, long total, boolean fromEnd) {
    private static final int CHUNK = 8 * 1024;

    /** The first {@code limit} bytes of the stream; the rest is read and dropped. */
    static CapturedOutput head(InputStream stream, int limit) throws IOException {
        ByteArrayOutputStream kept = new ByteArrayOutputStream();
        byte[] chunk = new byte[CHUNK];
        long total = 0;
        try (stream) {
            for (int read = stream.read(chunk); read >= 0; read = stream.read(chunk)) {
                int room = (int) Math.max(0, Math.min(read, limit - total));
                kept.write(chunk, 0, room);
                total += read;
            }
        }
        return new CapturedOutput(kept.toByteArray(), total, false);
    }

    /** The last {@code limit} bytes of the stream. */
    static CapturedOutput tail(InputStream stream, int limit) throws IOException {
        byte[] ring = new byte[limit];
        byte[] chunk = new byte[CHUNK];
        long total = 0;
        try (stream) {
            for (int read = stream.read(chunk); read >= 0; read = stream.read(chunk)) {
                for (int offset = 0; offset < read; ) {
                    int position = (int) (total % limit);
                    int length = Math.min(read - offset, limit - position);
                    System.arraycopy(chunk, offset, ring, position, length);
                    offset += length;
                    total += length;
                }
            }
        }
        if (total <= limit) {
            return new CapturedOutput(Arrays.copyOf(ring, (int) total), total, true);
        }
        int start = (int) (total % limit);
        byte[] ordered = new byte[limit];
        System.arraycopy(ring, start, ordered, 0, limit - start);
        System.arraycopy(ring, 0, ordered, limit - start, start);
        return new CapturedOutput(ordered, total, true);
    }

    static CapturedOutput empty() {
        return new CapturedOutput(new byte[0], 0, false);
    }

    String text() {
        return new String(kept, StandardCharsets.UTF_8);
    }

    /** A note of the worker's saying how much of the stream was dropped, when any was. */
    Optional<String> droppedNote(String name) {
        long dropped = total - kept.length;
        if (dropped == 0) {
            return Optional.empty();
        }
        return Optional.of("[atoll-workers] " + dropped + " bytes of " + name + " were dropped " + (fromEnd ? "before" : "after")
                + " the " + kept.length + " kept");
    }
}
