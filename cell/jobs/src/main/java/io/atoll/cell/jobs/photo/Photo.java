package io.atoll.cell.jobs.photo;

import io.atoll.cell.jobs.InvalidJobInputException;
import net.coobird.thumbnailator.Thumbnails;

import javax.imageio.IIOException;
import javax.imageio.ImageIO;
import javax.imageio.ImageReadParam;
import javax.imageio.ImageReader;
import javax.imageio.stream.ImageInputStream;
import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.geom.AffineTransform;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Iterator;

import static java.util.Objects.requireNonNull;

/**
 * A decoded photo as it is meant to be seen: EXIF orientation applied, transparency laid on white, in RGB.
 *
 * @param width the width as displayed, at full resolution
 * @param height the height as displayed, at full resolution
 * @param pixels the displayed image; smaller than width x height when a reduced decode was enough
 */
public record Photo(PhotoFormat format, int width, int height, BufferedImage pixels, PhotoMetadata metadata) {
    /**
     * Above any camera's resolution (phones reach 200 megapixels): a larger header is a decompression bomb, whose
     * pixels would not fit in memory.
     */
    static final long MAX_PIXELS = 250_000_000L;

    public Photo {
        requireNonNull(format, "format is null");
        requireNonNull(pixels, "pixels is null");
        requireNonNull(metadata, "metadata is null");
    }

    /**
     * Reads a JPEG, PNG or WebP photo.
     *
     * @param neededLongestSide the longest side the caller will scale to: the decode may skip pixels as long as
     *                          at least twice this many remain along the longest side, which keeps scaling smooth
     * @throws InvalidJobInputException if the file is missing, of another format, too large or undecodable
     */
    public static Photo read(Path file, int neededLongestSide) throws IOException {
        if (!Files.isRegularFile(file)) {
            throw new InvalidJobInputException("input " + file + " is not a file");
        }
        try (ImageInputStream stream = ImageIO.createImageInputStream(file.toFile())) {
            Iterator<ImageReader> readers = ImageIO.getImageReaders(stream);
            if (!readers.hasNext()) {
                throw new InvalidJobInputException("input " + file + " is not a JPEG, PNG or WebP image");
            }
            ImageReader reader = readers.next();
            try {
                String formatName = reader.getFormatName();
                PhotoFormat format = PhotoFormat.ofImageIoFormatName(formatName)
                        .orElseThrow(() -> new InvalidJobInputException("input " + file + " is a " + formatName
                                + " image; only JPEG, PNG and WebP photos are processed"));
                reader.setInput(stream, true, false);
                // Decoded first: the decoder is what rejects a damaged file.
                BufferedImage stored = decode(reader, format, file, neededLongestSide);
                PhotoMetadata metadata = PhotoMetadata.read(file);
                BufferedImage displayed = displayed(stored, metadata);
                int storedWidth = reader.getWidth(0);
                int storedHeight = reader.getHeight(0);
                return metadata.swapsWidthAndHeight()
                        ? new Photo(format, storedHeight, storedWidth, displayed, metadata)
                        : new Photo(format, storedWidth, storedHeight, displayed, metadata);
            } finally {
                reader.dispose();
            }
        }
    }

    /** The photo scaled to exactly {@code width} x {@code height}. */
    public BufferedImage scaledTo(int width, int height) throws IOException {
        if (pixels.getWidth() == width && pixels.getHeight() == height) {
            return pixels;
        }
        return Thumbnails.of(pixels).forceSize(width, height).asBufferedImage();
    }

    private static BufferedImage decode(ImageReader reader, PhotoFormat format, Path file, int neededLongestSide)
            throws IOException {
        try {
            int width = reader.getWidth(0);
            int height = reader.getHeight(0);
            if ((long) width * height > MAX_PIXELS) {
                throw new InvalidJobInputException("input " + file + " is " + width + " x " + height
                        + " pixels, more than the " + MAX_PIXELS + " a photo may have");
            }
            ImageReadParam param = reader.getDefaultReadParam();
            int step = Math.max(1, Math.max(width, height) / (2 * neededLongestSide));
            if (step > 1) {
                param.setSourceSubsampling(step, step, 0, 0);
            }
            return reader.read(0, param);
        } catch (IIOException | IllegalArgumentException | IndexOutOfBoundsException | ArithmeticException e) {
            // Decoders report damaged data this way; the same bytes will never decode.
            throw new InvalidJobInputException("input " + file + " is not a readable " + format.jsonName() + " image: "
                    + e.getMessage(), e);
        }
    }

    /**
     * The stored pixels as they are meant to be seen, drawn once: turned by the EXIF orientation, on white, in RGB.
     * One copy, not one per step, since a large photo's pixels are most of a job's memory.
     */
    private static BufferedImage displayed(BufferedImage stored, PhotoMetadata metadata) {
        int width = stored.getWidth();
        int height = stored.getHeight();
        BufferedImage displayed = metadata.swapsWidthAndHeight()
                ? new BufferedImage(height, width, BufferedImage.TYPE_INT_RGB)
                : new BufferedImage(width, height, BufferedImage.TYPE_INT_RGB);
        Graphics2D graphics = displayed.createGraphics();
        try {
            graphics.setColor(Color.WHITE);
            graphics.fillRect(0, 0, displayed.getWidth(), displayed.getHeight());
            graphics.drawImage(stored, orientation(metadata.orientation(), width, height), null);
        } finally {
            graphics.dispose();
        }
        return displayed;
    }

    /**
     * Maps a stored pixel to where it is shown, for each EXIF orientation (TIFF 6.0): x' = m00 x + m01 y + m02,
     * y' = m10 x + m11 y + m12, in the argument order (m00, m10, m01, m11, m02, m12). Every value is a whole
     * number, so pixels land exactly on pixels.
     */
    private static AffineTransform orientation(int orientation, int width, int height) {
        return switch (orientation) {
            case 1 -> new AffineTransform();
            case 2 -> new AffineTransform(-1, 0, 0, 1, width, 0); // mirrored left to right
            case 3 -> new AffineTransform(-1, 0, 0, -1, width, height); // upside down
            case 4 -> new AffineTransform(1, 0, 0, -1, 0, height); // mirrored top to bottom
            case 5 -> new AffineTransform(0, 1, 1, 0, 0, 0); // transposed
            case 6 -> new AffineTransform(0, 1, -1, 0, height, 0); // turned a quarter clockwise
            case 7 -> new AffineTransform(0, -1, -1, 0, height, width); // transversed
            case 8 -> new AffineTransform(0, -1, 1, 0, 0, width); // turned a quarter anticlockwise
            default -> throw new IllegalArgumentException("an EXIF orientation is 1 to 8, not " + orientation);
        };
    }
}
