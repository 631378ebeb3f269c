package io.atoll.cell.jobs.photo;

import com.drew.imaging.ImageMetadataReader;
import com.drew.imaging.ImageProcessingException;
import com.drew.lang.BufferBoundsException;
import com.drew.metadata.Metadata;
import com.drew.metadata.exif.ExifDirectoryBase;
import com.drew.metadata.exif.ExifIFD0Directory;
import com.drew.metadata.exif.ExifSubIFDDirectory;
import com.drew.metadata.exif.GpsDirectory;

import java.io.EOFException;
import java.io.IOException;
import java.nio.file.Path;
import java.time.DateTimeException;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Locale;
import java.util.Optional;

import static java.util.Objects.requireNonNull;

/**
 * What a photo's EXIF says that the jobs use. Never the location itself: only whether one is there.
 *
 * @param orientation the EXIF orientation, 1 (as stored) to 8
 * @param camera make and model, if recorded
 * @param takenAt when the photo was taken, ISO-8601, with its UTC offset when the camera recorded one
 * @param hasLocation whether GPS coordinates are recorded
 */
public record PhotoMetadata(int orientation, Optional<String> camera, Optional<String> takenAt, boolean hasLocation) {
    static final PhotoMetadata NONE = new PhotoMetadata(1, Optional.empty(), Optional.empty(), false);
    private static final DateTimeFormatter EXIF_DATE_TIME = DateTimeFormatter.ofPattern("yyyy:MM:dd HH:mm:ss", Locale.ROOT);

    public PhotoMetadata {
        requireNonNull(camera, "camera is null");
        requireNonNull(takenAt, "takenAt is null");
        if (orientation < 1 || orientation > 8) {
            throw new IllegalArgumentException("an EXIF orientation is 1 to 8, not " + orientation);
        }
    }

    /** Reads the metadata of a photo that has already been decoded. */
    static PhotoMetadata read(Path photo) throws IOException {
        Metadata metadata;
        try {
            metadata = ImageMetadataReader.readMetadata(photo.toFile());
        } catch (ImageProcessingException | EOFException | BufferBoundsException e) {
            // The pixels decide whether a photo is usable; metadata that cannot be parsed, or is cut short, is as
            // good as none.
            return NONE;
        }
        return new PhotoMetadata(orientation(metadata), camera(metadata), takenAt(metadata), hasLocation(metadata));
    }

    /** Whether the stored pixels are turned a quarter (orientations 5 to 8), so width and height swap on display. */
    boolean swapsWidthAndHeight() {
        return orientation >= 5;
    }

    private static int orientation(Metadata metadata) {
        for (ExifIFD0Directory directory : metadata.getDirectoriesOfType(ExifIFD0Directory.class)) {
            Integer orientation = directory.getInteger(ExifDirectoryBase.TAG_ORIENTATION);
            if (orientation != null && orientation >= 1 && orientation <= 8) {
                return orientation;
            }
        }
        return 1;
    }

    private static Optional<String> camera(Metadata metadata) {
        for (ExifIFD0Directory directory : metadata.getDirectoriesOfType(ExifIFD0Directory.class)) {
            String make = trimmed(directory.getString(ExifDirectoryBase.TAG_MAKE));
            String model = trimmed(directory.getString(ExifDirectoryBase.TAG_MODEL));
            if (!make.isEmpty() || !model.isEmpty()) {
                // Many cameras repeat the make in the model ("Canon" + "Canon EOS R6").
                boolean modelNamesMake = model.toLowerCase(Locale.ROOT).startsWith(make.toLowerCase(Locale.ROOT));
                return Optional.of(modelNamesMake ? model : (make + " " + model).trim());
            }
        }
        return Optional.empty();
    }

    private static Optional<String> takenAt(Metadata metadata) {
        for (ExifSubIFDDirectory directory : metadata.getDirectoriesOfType(ExifSubIFDDirectory.class)) {
            String dateTime = trimmed(directory.getString(ExifDirectoryBase.TAG_DATETIME_ORIGINAL));
            if (dateTime.isEmpty()) {
                continue;
            }
            try {
                LocalDateTime local = LocalDateTime.parse(dateTime, EXIF_DATE_TIME);
                String offset = trimmed(directory.getString(ExifDirectoryBase.TAG_TIME_ZONE_ORIGINAL));
                return Optional.of(offset.isEmpty() ? local.toString() : local.atOffset(ZoneOffset.of(offset)).toString());
            } catch (DateTimeException e) {
                // Cameras with an unset clock write "0000:00:00 00:00:00": no time is known.
                return Optional.empty();
            }
        }
        return Optional.empty();
    }

    private static boolean hasLocation(Metadata metadata) {
        return metadata.getDirectoriesOfType(GpsDirectory.class).stream()
                .anyMatch(directory -> directory.getGeoLocation() != null);
    }

    private static String trimmed(String value) {
        return value == null ? "" : value.trim();
    }
}
