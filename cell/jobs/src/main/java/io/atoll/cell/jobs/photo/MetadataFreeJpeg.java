package io.atoll.cell.jobs.photo;

import org.w3c.dom.Element;
import org.w3c.dom.Node;

import javax.imageio.IIOImage;
import javax.imageio.ImageIO;
import javax.imageio.ImageTypeSpecifier;
import javax.imageio.ImageWriteParam;
import javax.imageio.ImageWriter;
import javax.imageio.metadata.IIOMetadata;
import javax.imageio.stream.ImageOutputStream;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;

/**
 * Encodes JPEGs that carry nothing but the image: no EXIF, XMP, ICC profile or comment, and not even the JFIF
 * header ImageIO adds by default, so nothing about the original (its location above all) can leak into them.
 */
final class MetadataFreeJpeg {
    private static final String NATIVE_FORMAT = "javax_imageio_jpeg_image_1.0";
    private static final float QUALITY = 0.85f;

    private MetadataFreeJpeg() {
    }

    /** Encodes an RGB image. */
    static byte[] encode(BufferedImage rgb) throws IOException {
        ImageWriter writer = ImageIO.getImageWritersByFormatName("jpeg").next();
        try {
            ImageWriteParam param = writer.getDefaultWriteParam();
            param.setCompressionMode(ImageWriteParam.MODE_EXPLICIT);
            param.setCompressionQuality(QUALITY);
            IIOMetadata metadata = writer.getDefaultImageMetadata(ImageTypeSpecifier.createFromRenderedImage(rgb), param);
            Element tree = (Element) metadata.getAsTree(NATIVE_FORMAT);
            // JPEGvariety holds the JFIF (APP0) marker segment; emptied, the file has no APPn segment at all.
            Node variety = tree.getElementsByTagName("JPEGvariety").item(0);
            while (variety.hasChildNodes()) {
                variety.removeChild(variety.getFirstChild());
            }
            metadata.setFromTree(NATIVE_FORMAT, tree);
            ByteArrayOutputStream bytes = new ByteArrayOutputStream();
            try (ImageOutputStream output = ImageIO.createImageOutputStream(bytes)) {
                writer.setOutput(output);
                writer.write(null, new IIOImage(rgb, null, metadata), param);
            }
            return bytes.toByteArray();
        } finally {
            writer.dispose();
        }
    }
}
