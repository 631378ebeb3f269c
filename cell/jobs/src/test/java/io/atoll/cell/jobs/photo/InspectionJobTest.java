package io.atoll.cell.jobs.photo;

import io.atoll.cell.jobs.InvalidJobInputException;
import io.atoll.cell.jobs.photo.InspectionJob.Inspection;
import io.atoll.cell.jobs.support.LosslessWebp;
import io.atoll.cell.jobs.support.TestPhotos;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.awt.Color;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.HexFormat;

import static io.atoll.cell.jobs.support.Specs.spec;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class InspectionJobTest {
    private final InspectionJob job = new InspectionJob();

    @TempDir
    Path folder;

    @Test
    void describesAPhoneJpegWithoutRevealingWhereItWasTaken() throws Exception {
        byte[] jpeg = TestPhotos.withExif(TestPhotos.jpeg(TestPhotos.landscape(640, 480)), TestPhotos.Exif.phone());
        Path photo = Files.write(folder.resolve("phone.jpg"), jpeg);

        Inspection inspection = job.run(spec("input", photo));

        assertThat(inspection.format()).isEqualTo(PhotoFormat.JPEG);
        assertThat(inspection.width()).isEqualTo(640);
        assertThat(inspection.height()).isEqualTo(480);
        assertThat(inspection.sha256()).isEqualTo(HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(jpeg)));
        assertThat(inspection.dhash()).matches("[0-9a-f]{16}");
        assertThat(inspection.exif()).isEqualTo(new InspectionJob.Exif("Google Pixel 8", "2024-05-01T10:20:30+02:00", true));
    }

    @Test
    void reportsTheSizeAsDisplayed() throws Exception {
        byte[] sideways = TestPhotos.withExif(TestPhotos.jpeg(TestPhotos.landscape(400, 300)), TestPhotos.Exif.orientation(8));
        Path photo = Files.write(folder.resolve("sideways.jpg"), sideways);

        Inspection inspection = job.run(spec("input", photo));

        assertThat(inspection.width()).isEqualTo(300);
        assertThat(inspection.height()).isEqualTo(400);
        assertThat(inspection.exif()).isEqualTo(new InspectionJob.Exif(null, null, false));
    }

    @Test
    void aCameraThatRepeatsItsMakeInTheModelIsNamedOnce() throws Exception {
        TestPhotos.Exif canon = new TestPhotos.Exif("Canon", "Canon EOS R6", null, "2023:12:24 18:00:00", null, null, null);
        Path photo = Files.write(folder.resolve("canon.jpg"),
                TestPhotos.withExif(TestPhotos.jpeg(TestPhotos.landscape(200, 100)), canon));

        assertThat(job.run(spec("input", photo)).exif())
                .as("no offset recorded: a local time")
                .isEqualTo(new InspectionJob.Exif("Canon EOS R6", "2023-12-24T18:00", false));
    }

    @Test
    void describesPngAndWebp() throws Exception {
        Path png = Files.write(folder.resolve("photo.png"), TestPhotos.png(TestPhotos.landscape(300, 200)));
        Path webp = Files.write(folder.resolve("photo.webp"), LosslessWebp.encode(TestPhotos.halves(48, 20, Color.RED, Color.BLUE)));

        Inspection pngInspection = job.run(spec("input", png));
        Inspection webpInspection = job.run(spec("input", webp));

        assertThat(pngInspection.format()).isEqualTo(PhotoFormat.PNG);
        assertThat(pngInspection.width()).isEqualTo(300);
        assertThat(pngInspection.height()).isEqualTo(200);
        assertThat(webpInspection.format()).isEqualTo(PhotoFormat.WEBP);
        assertThat(webpInspection.width()).isEqualTo(48);
        assertThat(webpInspection.height()).isEqualTo(20);
        // Red (luma 76) left of blue (luma 29), the pixels as drawn: only the steps around the middle cell are 1s.
        assertThat(webpInspection.dhash()).isEqualTo("1818181818181818");
    }

    @Test
    void theSamePictureInAnotherFileIsANearDuplicateAndAnotherPictureIsNot() throws Exception {
        Path original = Files.write(folder.resolve("original.jpg"), TestPhotos.jpeg(TestPhotos.landscape(1200, 800)));
        Path retouched = Files.write(folder.resolve("retouched.png"),
                TestPhotos.png(TestPhotos.retouched(TestPhotos.landscape(1200, 800))));
        Path other = Files.write(folder.resolve("other.jpg"), TestPhotos.jpeg(TestPhotos.rings(1200, 800)));

        String originalHash = job.run(spec("input", original)).dhash();
        String retouchedHash = job.run(spec("input", retouched)).dhash();
        String otherHash = job.run(spec("input", other)).dhash();

        assertThat(DifferenceHash.distance(originalHash, retouchedHash)).isLessThanOrEqualTo(4);
        assertThat(DifferenceHash.nearDuplicates(originalHash, retouchedHash)).isTrue();
        assertThat(DifferenceHash.distance(originalHash, otherHash)).isGreaterThan(30);
        assertThat(DifferenceHash.nearDuplicates(originalHash, otherHash)).isFalse();
    }

    @Test
    void refusesAMissingInput() throws IOException {
        assertThatThrownBy(() -> job.run(spec("input", folder.resolve("gone.jpg"))))
                .isInstanceOf(InvalidJobInputException.class).hasMessageContaining("is not a file");
        assertThatThrownBy(() -> job.run(spec("input", Files.createDirectory(folder.resolve("a-folder")))))
                .isInstanceOf(InvalidJobInputException.class).hasMessageContaining("is not a file");
        assertThatThrownBy(() -> job.run(spec()))
                .isInstanceOf(InvalidJobInputException.class).hasMessageContaining("\"input\"");
    }
}
