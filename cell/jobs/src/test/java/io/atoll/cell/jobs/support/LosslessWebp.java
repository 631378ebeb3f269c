package io.atoll.cell.jobs.support;

import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;

/**
 * Writes real WebP files in the lossless (VP8L) format, which neither the JDK nor TwelveMonkeys can encode. It
 * handles only pictures whose every pixel is opaque black, red, blue or magenta (green 0, red and blue each 0 or
 * 255): then each colour channel needs a prefix code of at most two symbols, which VP8L's "simple code" writes
 * directly, and each pixel costs one bit of red and one of blue. No transform, colour cache or back-reference is
 * used. libwebp's dwebp decodes these files to the same pixels.
 */
public final class LosslessWebp {
    private static final int SIGNATURE = 0x2F;

    private long pending;
    private int pendingBits;
    private final ByteArrayOutputStream bytes = new ByteArrayOutputStream();

    private LosslessWebp() {
    }

    public static byte[] encode(BufferedImage image) {
        int width = image.getWidth();
        int height = image.getHeight();
        LosslessWebp stream = new LosslessWebp();
        stream.write(SIGNATURE, 8);
        stream.write(width - 1, 14);
        stream.write(height - 1, 14);
        stream.write(0, 1); // no alpha
        stream.write(0, 3); // version 0
        stream.write(0, 1); // no transform
        stream.write(0, 1); // no colour cache
        stream.write(0, 1); // one prefix code group for the whole image
        stream.oneSymbolCode(0); // green is always 0
        stream.twoSymbolCode(0, 255); // red
        stream.twoSymbolCode(0, 255); // blue
        stream.oneSymbolCode(255); // alpha: opaque
        stream.oneSymbolCode(0); // distances: unused
        for (int y = 0; y < height; y++) {
            for (int x = 0; x < width; x++) {
                int rgb = image.getRGB(x, y) & 0xFFFFFF;
                int red = (rgb >> 16) & 0xFF;
                int green = (rgb >> 8) & 0xFF;
                int blue = rgb & 0xFF;
                if (green != 0 || (red != 0 && red != 255) || (blue != 0 && blue != 255)) {
                    throw new IllegalArgumentException("pixel " + x + "," + y + " is not black, red, blue or magenta");
                }
                // With two symbols of one bit each, the smaller symbol (0) is code 0.
                stream.write(red == 255 ? 1 : 0, 1);
                stream.write(blue == 255 ? 1 : 0, 1);
            }
        }
        return riff(stream.finish());
    }

    /** A simple prefix code with one 8-bit symbol: reading it takes no bits. */
    private void oneSymbolCode(int symbol) {
        write(1, 1); // simple code
        write(0, 1); // one symbol
        write(1, 1); // written in 8 bits
        write(symbol, 8);
    }

    /** A simple prefix code with two symbols, the first 0 (written in 1 bit), the second 8 bits. */
    private void twoSymbolCode(int first, int second) {
        write(1, 1); // simple code
        write(1, 1); // two symbols
        write(0, 1); // the first written in 1 bit
        write(first, 1);
        write(second, 8);
    }

    /** VP8L packs values from the least significant bit of each byte up. */
    private void write(int value, int bitCount) {
        pending |= ((long) value & ((1L << bitCount) - 1)) << pendingBits;
        pendingBits += bitCount;
        while (pendingBits >= 8) {
            bytes.write((int) (pending & 0xFF));
            pending >>>= 8;
            pendingBits -= 8;
        }
    }

    private byte[] finish() {
        if (pendingBits > 0) {
            bytes.write((int) (pending & 0xFF));
        }
        return bytes.toByteArray();
    }

    /** The RIFF container: "RIFF", size, "WEBP", then the one "VP8L" chunk, padded to an even length. */
    private static byte[] riff(byte[] vp8l) {
        int padding = vp8l.length % 2;
        ByteBuffer file = ByteBuffer.allocate(20 + vp8l.length + padding).order(ByteOrder.LITTLE_ENDIAN);
        file.put("RIFF".getBytes(StandardCharsets.US_ASCII)).putInt(12 + vp8l.length + padding)
                .put("WEBP".getBytes(StandardCharsets.US_ASCII))
                .put("VP8L".getBytes(StandardCharsets.US_ASCII)).putInt(vp8l.length).put(vp8l);
        return file.array();
    }
}
