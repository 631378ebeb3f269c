package io.atoll.cell.jobs.photo;

import java.awt.image.BufferedImage;
import java.util.HexFormat;

import static java.util.Objects.requireNonNull;

/**
 * A 64-bit difference hash (dHash) of a picture: the picture is averaged down to 9 x 8 grey cells and each bit
 * says whether a cell is brighter than its right-hand neighbour, row by row from the top left, the first bit the
 * most significant. Rescaled, recompressed or slightly retouched copies of a picture have hashes a few bits apart;
 * different pictures about half of the 64.
 */
public record DifferenceHash(long bits) {
    /** Two pictures whose hashes differ in at most this many bits are near-duplicates. */
    public static final int NEAR_DUPLICATE_MAX_DISTANCE = 10;
    private static final int COLUMNS = 9;
    private static final int ROWS = 8;
    private static final HexFormat HEX = HexFormat.of();

    /** The hash of a picture, of any size (at least 1 x 1). */
    public static DifferenceHash of(BufferedImage image) {
        requireNonNull(image, "image is null");
        Cell[][] cells = cells(image);
        long bits = 0;
        for (int row = 0; row < ROWS; row++) {
            for (int column = 0; column < COLUMNS - 1; column++) {
                bits = (bits << 1) | (cells[row][column].isBrighterThan(cells[row][column + 1]) ? 1 : 0);
            }
        }
        return new DifferenceHash(bits);
    }

    /** A hash from its 16 hex digits, as {@link #hex()} writes it. */
    public static DifferenceHash parse(String hex) {
        requireNonNull(hex, "hex is null");
        if (hex.length() != 16) {
            throw new IllegalArgumentException("a difference hash is 16 hex digits, not \"" + hex + "\"");
        }
        try {
            return new DifferenceHash(HexFormat.fromHexDigitsToLong(hex));
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("a difference hash is 16 hex digits, not \"" + hex + "\"", e);
        }
    }

    /** How many of two hashes' 16-hex-digit forms' bits differ (the Hamming distance), 0 to 64. */
    public static int distance(String hex, String otherHex) {
        return parse(hex).distanceTo(parse(otherHex));
    }

    /** Whether two hashes in their 16-hex-digit form belong to near-duplicate pictures. */
    public static boolean nearDuplicates(String hex, String otherHex) {
        return parse(hex).isNearDuplicateOf(parse(otherHex));
    }

    /** The 16 lower-case hex digits of the hash. */
    public String hex() {
        return HEX.toHexDigits(bits);
    }

    /** The number of bits in which the two hashes differ, 0 to 64. */
    public int distanceTo(DifferenceHash other) {
        return Long.bitCount(bits ^ other.bits);
    }

    public boolean isNearDuplicateOf(DifferenceHash other) {
        return distanceTo(other) <= NEAR_DUPLICATE_MAX_DISTANCE;
    }

    @Override
    public String toString() {
        return hex();
    }

    /** The 9 x 8 cells of a picture; a picture smaller than that lends one pixel to several cells. */
    private static Cell[][] cells(BufferedImage image) {
        int width = image.getWidth();
        int height = image.getHeight();
        Cell[][] cells = new Cell[ROWS][COLUMNS];
        for (int row = 0; row < ROWS; row++) {
            int top = row * height / ROWS;
            int bottom = Math.max(top + 1, (row + 1) * height / ROWS);
            for (int column = 0; column < COLUMNS; column++) {
                int left = column * width / COLUMNS;
                int right = Math.max(left + 1, (column + 1) * width / COLUMNS);
                int[] pixels = image.getRGB(left, top, right - left, bottom - top, null, 0, right - left);
                long lumaSum = 0;
                for (int rgb : pixels) {
                    lumaSum += luma(rgb);
                }
                cells[row][column] = new Cell(lumaSum, pixels.length);
            }
        }
        return cells;
    }

    /** Rec. 601 luma in thousandths, the usual grey of a colour picture, kept whole so that sums are exact. */
    private static long luma(int rgb) {
        return 299L * ((rgb >> 16) & 0xFF) + 587L * ((rgb >> 8) & 0xFF) + 114L * (rgb & 0xFF);
    }

    /** A cell's summed luma over its pixel count. */
    private record Cell(long lumaSum, long pixels) {
        /**
         * Compares the two means without dividing: cells of one flat colour but different pixel counts must come
         * out equal, which floating-point means do not always.
         */
        boolean isBrighterThan(Cell other) {
            return lumaSum * other.pixels > other.lumaSum * pixels;
        }
    }
}
