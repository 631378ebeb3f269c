package io.atoll.cell.jobs.photo;

import com.drew.imaging.ImageMetadataReader;
import com.drew.metadata.Directory;
import com.drew.metadata.Metadata;
import io.atoll.cell.jobs.InvalidJobInputException;
import io.atoll.cell.jobs.photo.ThumbnailsJob.Thumbnail;
import io.atoll.cell.jobs.photo.ThumbnailsJob.ThumbnailSet;
import io.atoll.cell.jobs.support.LosslessWebp;
import io.atoll.cell.jobs.support.TestPhotos;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Random;

import static io.atoll.cell.jobs.support.Specs.spec;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.tuple;

class ThumbnailsJobTest {
    private final ThumbnailsJob job = new ThumbnailsJob();

    @TempDir
    Path folder;

    @Test
    void writesOneJpegPerSizeWithTheLongestSideThatSize() throws Exception {
        Path photo = write("photo.jpg", TestPhotos.jpeg(TestPhotos.landscape(1200, 800)));
        Path output = folder.resolve("thumbnails");

        ThumbnailSet result = job.run(spec("input", photo, "outputDir", output, "sizes", List.of(160, 480, 1024)));

        assertThat(result.thumbnails()).extracting(Thumbnail::name, Thumbnail::width, Thumbnail::height).containsExactly(
                tuple("thumb-160.jpg", 160, 107),
                tuple("thumb-480.jpg", 480, 320),
                tuple("thumb-1024.jpg", 1024, 683));
        for (Thumbnail thumbnail : result.thumbnails()) {
            byte[] written = Files.readAllBytes(output.resolve(thumbnail.name()));
            assertThat(written).hasSize((int) thumbnail.bytes());
            BufferedImage decoded = TestPhotos.decode(written);
            assertThat(decoded.getWidth()).isEqualTo(thumbnail.width());
            assertThat(decoded.getHeight()).isEqualTo(thumbnail.height());
        }
    }

    @Test
    void thumbnailsOfAPhotoWithLocationCarryNoMetadataAtAll() throws Exception {
        byte[] original = TestPhotos.withExif(TestPhotos.jpeg(TestPhotos.landscape(900, 600)), TestPhotos.Exif.phone());
        assertThat(directoryNames(original)).as("the original's metadata").contains("Exif IFD0", "GPS");
        Path photo = write("photo.jpg", original);

        ThumbnailSet result = job.run(spec("input", photo, "outputDir", folder, "sizes", List.of(160, 480)));

        for (Thumbnail thumbnail : result.thumbnails()) {
            byte[] written = Files.readAllBytes(folder.resolve(thumbnail.name()));
            assertThat(applicationSegments(written)).as("APPn segments of " + thumbnail.name()).isEmpty();
            assertThat(directoryNames(written)).doesNotContain("Exif IFD0", "Exif SubIFD", "GPS", "XMP", "ICC Profile", "JFIF");
        }
    }

    @Test
    void neverScalesUp() throws Exception {
        Path photo = write("small.png", TestPhotos.png(TestPhotos.landscape(100, 60)));

        ThumbnailSet result = job.run(spec("input", photo, "outputDir", folder, "sizes", List.of(160, 80)));

        assertThat(result.thumbnails()).extracting(Thumbnail::width, Thumbnail::height).containsExactly(
                tuple(100, 60),
                tuple(80, 48));
    }

    @Test
    void showsThePhotoAsEachExifOrientationSays() throws Exception {
        // Stored 80 x 40: red in the top left quarter, blue in the top right one, white below.
        BufferedImage stored = TestPhotos.halves(80, 40, Color.RED, Color.BLUE);
        Graphics2D graphics = stored.createGraphics();
        graphics.setColor(Color.WHITE);
        graphics.fillRect(0, 20, 80, 20);
        graphics.dispose();
        // Where the red and the blue quarters are shown, by orientation (TIFF 6.0), e.g. 6 = turned a quarter clockwise.
        Map<Integer, List<String>> shown = Map.of(
                1, List.of("top left", "top right"),
                2, List.of("top right", "top left"),
                3, List.of("bottom right", "bottom left"),
                4, List.of("bottom left", "bottom right"),
                5, List.of("top left", "bottom left"),
                6, List.of("top right", "bottom right"),
                7, List.of("bottom right", "top right"),
                8, List.of("bottom left", "top left"));

        for (int orientation = 1; orientation <= 8; orientation++) {
            Path photo = write("oriented-" + orientation + ".jpg",
                    TestPhotos.withExif(TestPhotos.jpeg(stored), TestPhotos.Exif.orientation(orientation)));
            Path output = folder.resolve("oriented-" + orientation);

            Thumbnail thumbnail = job.run(spec("input", photo, "outputDir", output, "sizes", List.of(80))).thumbnails().get(0);

            boolean turned = orientation >= 5;
            assertThat(thumbnail.width()).as("orientation %d", orientation).isEqualTo(turned ? 40 : 80);
            assertThat(thumbnail.height()).as("orientation %d", orientation).isEqualTo(turned ? 80 : 40);
            BufferedImage image = TestPhotos.decode(Files.readAllBytes(output.resolve("thumb-80.jpg")));
            assertThat(List.of(cornerOf(image, "red"), cornerOf(image, "blue"))).as("orientation %d", orientation)
                    .isEqualTo(shown.get(orientation));
        }
    }

    @Test
    void laysTransparencyOnWhite() throws Exception {
        BufferedImage transparent = new BufferedImage(64, 64, BufferedImage.TYPE_INT_ARGB);
        Path photo = write("transparent.png", TestPhotos.png(transparent));

        job.run(spec("input", photo, "outputDir", folder, "sizes", List.of(32)));

        BufferedImage shown = TestPhotos.decode(Files.readAllBytes(folder.resolve("thumb-32.jpg")));
        assertThat(new Color(shown.getRGB(16, 16))).satisfies(colour -> {
            assertThat(colour.getRed()).isGreaterThan(245);
            assertThat(colour.getGreen()).isGreaterThan(245);
            assertThat(colour.getBlue()).isGreaterThan(245);
        });
    }

    @Test
    void readsWebp() throws Exception {
        Path photo = write("photo.webp", LosslessWebp.encode(TestPhotos.halves(64, 32, Color.RED, Color.BLUE)));

        Thumbnail thumbnail = job.run(spec("input", photo, "outputDir", folder, "sizes", List.of(32))).thumbnails().get(0);

        assertThat(thumbnail.width()).isEqualTo(32);
        assertThat(thumbnail.height()).isEqualTo(16);
        BufferedImage shown = TestPhotos.decode(Files.readAllBytes(folder.resolve("thumb-32.jpg")));
        assertThat(dominant(shown.getRGB(4, 8))).isEqualTo("red");
        assertThat(dominant(shown.getRGB(28, 8))).isEqualTo("blue");
    }

    @Test
    void refusesWhatIsNoSupportedPhoto() {
        Path missing = folder.resolve("missing.jpg");
        assertThatThrownBy(() -> job.run(spec("input", missing, "outputDir", folder, "sizes", List.of(160))))
                .isInstanceOf(InvalidJobInputException.class).hasMessageContaining("is not a file");

        Path gif = write("animation.gif", TestPhotos.gif(TestPhotos.landscape(40, 30)));
        assertThatThrownBy(() -> job.run(spec("input", gif, "outputDir", folder, "sizes", List.of(160))))
                .isInstanceOf(InvalidJobInputException.class).hasMessageContaining("only JPEG, PNG and WebP");

        byte[] png = TestPhotos.png(TestPhotos.landscape(300, 200));
        byte[] cutShort = Arrays.copyOf(png, png.length / 2);
        Path truncated = write("truncated.png", cutShort);
        assertThatThrownBy(() -> job.run(spec("input", truncated, "outputDir", folder, "sizes", List.of(160))))
                .isInstanceOf(InvalidJobInputException.class).hasMessageContaining("not a readable png image");

        byte[] noise = new byte[4096];
        new Random(7).nextBytes(noise);
        Path text = write("noise.bin", noise);
        assertThatThrownBy(() -> job.run(spec("input", text, "outputDir", folder, "sizes", List.of(160))))
                .isInstanceOf(InvalidJobInputException.class).hasMessageContaining("not a JPEG, PNG or WebP image");
    }

    @Test
    void refusesSizesOutOfRange() {
        Path photo = write("photo.png", TestPhotos.png(TestPhotos.landscape(100, 60)));
        for (Object sizes : List.of(List.of(), List.of(8), List.of(160, 160), List.of(5000), List.of("160"), 160)) {
            assertThatThrownBy(() -> job.run(spec("input", photo, "outputDir", folder, "sizes", sizes)))
                    .as("sizes %s", sizes)
                    .isInstanceOf(InvalidJobInputException.class).hasMessageContaining("\"sizes\"");
        }
    }

    private Path write(String name, byte[] content) {
        try {
            return Files.write(folder.resolve(name), content);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The names of the metadata directories metadata-extractor finds in a file. */
    static List<String> directoryNames(byte[] file) throws Exception {
        Metadata metadata = ImageMetadataReader.readMetadata(new ByteArrayInputStream(file));
        List<String> names = new ArrayList<>();
        for (Directory directory : metadata.getDirectories()) {
            names.add(directory.getName());
        }
        return names;
    }

    /** The APP0 to APP15 marker segments of a JPEG, before its image data. */
    private static List<String> applicationSegments(byte[] jpeg) {
        List<String> segments = new ArrayList<>();
        int offset = 2;
        while (offset + 4 <= jpeg.length && (jpeg[offset] & 0xFF) == 0xFF) {
            int marker = jpeg[offset + 1] & 0xFF;
            if (marker == 0xDA) {
                break;
            }
            if (marker >= 0xE0 && marker <= 0xEF) {
                segments.add("APP" + (marker - 0xE0));
            }
            offset += 2 + (((jpeg[offset + 2] & 0xFF) << 8) | (jpeg[offset + 3] & 0xFF));
        }
        return segments;
    }

    /** The corner whose quarter is mostly {@code colour}. */
    private static String cornerOf(BufferedImage image, String colour) {
        int width = image.getWidth();
        int height = image.getHeight();
        Map<String, int[]> quarterCentres = Map.of(
                "top left", new int[]{width / 4, height / 4},
                "top right", new int[]{width * 3 / 4, height / 4},
                "bottom left", new int[]{width / 4, height * 3 / 4},
                "bottom right", new int[]{width * 3 / 4, height * 3 / 4});
        return quarterCentres.entrySet().stream()
                .filter(corner -> dominant(image.getRGB(corner.getValue()[0], corner.getValue()[1])).equals(colour))
                .map(Map.Entry::getKey)
                .findFirst().orElse("nowhere");
    }

    private static String dominant(int rgb) {
        Color colour = new Color(rgb);
        if (colour.getRed() > 180 && colour.getBlue() < 80) {
            return "red";
        }
        if (colour.getBlue() > 180 && colour.getRed() < 80) {
            return "blue";
        }
        return colour.toString();
    }
}
