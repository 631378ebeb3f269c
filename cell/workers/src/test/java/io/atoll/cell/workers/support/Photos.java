package io.atoll.cell.workers.support;

import javax.imageio.ImageIO;
import java.awt.Color;
import java.awt.GradientPaint;
import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;

/** Photos for the pipeline tests: real JPEGs with something in them, so their difference hashes mean something. */
public final class Photos {
    private Photos() {
    }

    /** A JPEG of {@code width} × {@code height} pixels: a diagonal gradient with a disc whose place depends on {@code seed}. */
    public static byte[] jpeg(int width, int height, int seed) {
        BufferedImage image = new BufferedImage(width, height, BufferedImage.TYPE_INT_RGB);
        Graphics2D graphics = image.createGraphics();
        try {
            graphics.setPaint(new GradientPaint(0, 0, Color.DARK_GRAY, width, height, Color.ORANGE));
            graphics.fillRect(0, 0, width, height);
            graphics.setColor(Color.WHITE);
            int size = Math.min(width, height) / 3;
            graphics.fillOval((seed * 97) % Math.max(1, width - size), (seed * 61) % Math.max(1, height - size), size, size);
        } finally {
            graphics.dispose();
        }
        ByteArrayOutputStream jpeg = new ByteArrayOutputStream();
        try {
            ImageIO.write(image, "jpeg", jpeg);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return jpeg.toByteArray();
    }

    /** The photo with a text after its end, where image readers do not look but the test's job wrapper does. */
    public static byte[] withMarker(byte[] jpeg, String marker) {
        byte[] text = marker.getBytes(StandardCharsets.US_ASCII);
        byte[] marked = Arrays.copyOf(jpeg, jpeg.length + text.length);
        System.arraycopy(text, 0, marked, jpeg.length, text.length);
        return marked;
    }
}
