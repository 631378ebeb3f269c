package io.atoll.cell.jobs.support;

import org.apache.commons.imaging.formats.jpeg.exif.ExifRewriter;
import org.apache.commons.imaging.formats.tiff.constants.ExifTagConstants;
import org.apache.commons.imaging.formats.tiff.constants.TiffDirectoryType;
import org.apache.commons.imaging.formats.tiff.constants.TiffTagConstants;
import org.apache.commons.imaging.formats.tiff.taginfos.TagInfoAscii;
import org.apache.commons.imaging.formats.tiff.write.TiffOutputDirectory;
import org.apache.commons.imaging.formats.tiff.write.TiffOutputSet;

import javax.imageio.IIOImage;
import javax.imageio.ImageIO;
import javax.imageio.ImageWriteParam;
import javax.imageio.ImageWriter;
import javax.imageio.stream.ImageOutputStream;
import java.awt.Color;
import java.awt.GradientPaint;
import java.awt.Graphics2D;
import java.awt.Polygon;
import java.awt.RenderingHints;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;

/** Pictures drawn for the tests, and encoded as real JPEG (with EXIF where asked), PNG and GIF files. */
public final class TestPhotos {
    /** EXIF's OffsetTimeOriginal, which commons-imaging has no constant for. */
    private static final TagInfoAscii OFFSET_TIME_ORIGINAL =
            new TagInfoAscii("OffsetTimeOriginal", 0x9011, 7, TiffDirectoryType.EXIF_DIRECTORY_EXIF_IFD);

    private TestPhotos() {
    }

    /** What {@link #withExif} writes; null components are left out. */
    public record Exif(String make, String model, Integer orientation, String takenAt, String takenAtOffset,
                       Double latitude, Double longitude) {
        /** A phone photo with everything, location included. */
        public static Exif phone() {
            return new Exif("Google", "Pixel 8", 1, "2024:05:01 10:20:30", "+02:00", 48.8584, 2.2945);
        }

        /** Only an orientation. */
        public static Exif orientation(int orientation) {
            return new Exif(null, null, orientation, null, null, null, null);
        }
    }

    /** A landscape: light on the left fading to dark on the right, a sun, a dark tree and a house with a lit window. */
    public static BufferedImage landscape(int width, int height) {
        BufferedImage image = new BufferedImage(width, height, BufferedImage.TYPE_INT_RGB);
        Graphics2D graphics = smooth(image);
        graphics.setPaint(new GradientPaint(0, 0, new Color(235, 225, 200), width, 0, new Color(30, 40, 70)));
        graphics.fillRect(0, 0, width, height);
        graphics.setColor(new Color(250, 200, 40));
        graphics.fillOval(width / 8, height / 8, width / 6, width / 6);
        graphics.setColor(new Color(120, 70, 40));
        graphics.fillRect(width * 5 / 8, height / 2, width / 4, height / 3);
        graphics.setColor(new Color(170, 30, 30));
        graphics.fillPolygon(new Polygon(new int[]{width * 9 / 16, width * 3 / 4, width * 15 / 16},
                new int[]{height / 2, height / 4, height / 2}, 3));
        graphics.setColor(new Color(255, 250, 210));
        graphics.fillRect(width * 11 / 16, height * 9 / 16, width / 10, height / 8);
        graphics.setColor(new Color(25, 50, 20));
        graphics.fillRect(width * 5 / 16, height * 3 / 8, width / 12, height * 5 / 8);
        graphics.fillOval(width / 4, height / 6, width / 5, height / 3);
        graphics.dispose();
        return image;
    }

    /** Another picture altogether: dark on the left to light on the right, with dark rings. */
    public static BufferedImage rings(int width, int height) {
        BufferedImage image = new BufferedImage(width, height, BufferedImage.TYPE_INT_RGB);
        Graphics2D graphics = smooth(image);
        graphics.setPaint(new GradientPaint(0, 0, new Color(20, 60, 20), width, 0, new Color(220, 250, 220)));
        graphics.fillRect(0, 0, width, height);
        graphics.setColor(new Color(10, 10, 10));
        for (int ring = 1; ring <= 4; ring++) {
            int diameter = ring * Math.min(width, height) / 5;
            graphics.drawOval(width / 2 - diameter / 2, height / 2 - diameter / 2, diameter, diameter);
        }
        graphics.dispose();
        return image;
    }

    /** The same picture as a phone's editor might leave it: smaller, a little brighter, recompressed. */
    public static BufferedImage retouched(BufferedImage image) {
        int width = image.getWidth() * 3 / 5;
        int height = image.getHeight() * 3 / 5;
        BufferedImage smaller = new BufferedImage(width, height, BufferedImage.TYPE_INT_RGB);
        Graphics2D graphics = smooth(smaller);
        graphics.drawImage(image, 0, 0, width, height, null);
        graphics.dispose();
        for (int y = 0; y < height; y++) {
            for (int x = 0; x < width; x++) {
                Color colour = new Color(smaller.getRGB(x, y));
                smaller.setRGB(x, y, new Color(Math.min(255, colour.getRed() + 12), Math.min(255, colour.getGreen() + 12),
                        Math.min(255, colour.getBlue() + 12)).getRGB());
            }
        }
        return decode(jpeg(smaller, 0.5f));
    }

    /** Left half one colour, right half another. */
    public static BufferedImage halves(int width, int height, Color left, Color right) {
        BufferedImage image = new BufferedImage(width, height, BufferedImage.TYPE_INT_RGB);
        Graphics2D graphics = image.createGraphics();
        graphics.setColor(left);
        graphics.fillRect(0, 0, width / 2, height);
        graphics.setColor(right);
        graphics.fillRect(width / 2, 0, width - width / 2, height);
        graphics.dispose();
        return image;
    }

    public static byte[] jpeg(BufferedImage image) {
        return jpeg(image, 0.9f);
    }

    public static byte[] jpeg(BufferedImage image, float quality) {
        ImageWriter writer = ImageIO.getImageWritersByFormatName("jpeg").next();
        try {
            ImageWriteParam param = writer.getDefaultWriteParam();
            param.setCompressionMode(ImageWriteParam.MODE_EXPLICIT);
            param.setCompressionQuality(quality);
            ByteArrayOutputStream bytes = new ByteArrayOutputStream();
            try (ImageOutputStream output = ImageIO.createImageOutputStream(bytes)) {
                writer.setOutput(output);
                writer.write(null, new IIOImage(image, null, null), param);
            }
            return bytes.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } finally {
            writer.dispose();
        }
    }

    public static byte[] png(BufferedImage image) {
        return encode(image, "png");
    }

    public static byte[] gif(BufferedImage image) {
        return encode(image, "gif");
    }

    /** The JPEG with an EXIF block (APP1) added, as a camera writes it. */
    public static byte[] withExif(byte[] jpeg, Exif exif) {
        try {
            TiffOutputSet outputSet = new TiffOutputSet();
            TiffOutputDirectory root = outputSet.getOrCreateRootDirectory();
            if (exif.make() != null) {
                root.add(TiffTagConstants.TIFF_TAG_MAKE, exif.make());
            }
            if (exif.model() != null) {
                root.add(TiffTagConstants.TIFF_TAG_MODEL, exif.model());
            }
            if (exif.orientation() != null) {
                root.add(TiffTagConstants.TIFF_TAG_ORIENTATION, exif.orientation().shortValue());
            }
            if (exif.takenAt() != null) {
                outputSet.getOrCreateExifDirectory().add(ExifTagConstants.EXIF_TAG_DATE_TIME_ORIGINAL, exif.takenAt());
            }
            if (exif.takenAtOffset() != null) {
                outputSet.getOrCreateExifDirectory().add(OFFSET_TIME_ORIGINAL, exif.takenAtOffset());
            }
            if (exif.latitude() != null) {
                outputSet.setGpsInDegrees(exif.longitude(), exif.latitude());
            }
            ByteArrayOutputStream withExif = new ByteArrayOutputStream();
            new ExifRewriter().updateExifMetadataLossless(jpeg, withExif, outputSet);
            return withExif.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public static BufferedImage decode(byte[] encoded) {
        try {
            return ImageIO.read(new ByteArrayInputStream(encoded));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static byte[] encode(BufferedImage image, String format) {
        try {
            ByteArrayOutputStream bytes = new ByteArrayOutputStream();
            if (!ImageIO.write(image, format, bytes)) {
                throw new IllegalStateException("no ImageIO writer for " + format);
            }
            return bytes.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static Graphics2D smooth(BufferedImage image) {
        Graphics2D graphics = image.createGraphics();
        graphics.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_ON);
        graphics.setRenderingHint(RenderingHints.KEY_INTERPOLATION, RenderingHints.VALUE_INTERPOLATION_BICUBIC);
        return graphics;
    }
}
