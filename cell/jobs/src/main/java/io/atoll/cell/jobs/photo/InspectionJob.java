package io.atoll.cell.jobs.photo;

import com.fasterxml.jackson.annotation.JsonInclude;
import io.atoll.cell.jobs.Job;
import io.atoll.cell.jobs.JobSpec;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.DigestInputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

import static java.util.Objects.requireNonNull;

/** Describes a photo: format, displayed size, SHA-256 of the file, difference hash and what its EXIF says. */
public final class InspectionJob implements Job {
    public static final String KIND = "photo-inspection";
    /** The difference hash averages the picture into 9 x 8 cells: a couple of hundred pixels across are plenty. */
    private static final int HASHED_LONGEST_SIDE = 128;

    /**
     * @param camera make and model, absent when not recorded
     * @param takenAt ISO-8601, absent when not recorded
     * @param hasLocation whether the photo records GPS coordinates (which are never reported)
     */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record Exif(String camera, String takenAt, boolean hasLocation) {
    }

    /**
     * @param width as displayed, EXIF orientation applied
     * @param height as displayed, EXIF orientation applied
     * @param dhash the {@link DifferenceHash} as 16 hex digits
     */
    public record Inspection(PhotoFormat format, int width, int height, String sha256, String dhash, Exif exif) {
        public Inspection {
            requireNonNull(format, "format is null");
            requireNonNull(sha256, "sha256 is null");
            requireNonNull(dhash, "dhash is null");
            requireNonNull(exif, "exif is null");
        }
    }

    @Override
    public String kind() {
        return KIND;
    }

    @Override
    public Inspection run(JobSpec spec) throws IOException {
        Path input = spec.path("input");
        Photo photo = Photo.read(input, HASHED_LONGEST_SIDE);
        PhotoMetadata metadata = photo.metadata();
        Exif exif = new Exif(metadata.camera().orElse(null), metadata.takenAt().orElse(null), metadata.hasLocation());
        return new Inspection(photo.format(), photo.width(), photo.height(), sha256(input),
                DifferenceHash.of(photo.pixels()).hex(), exif);
    }

    private static String sha256(Path file) throws IOException {
        MessageDigest digest;
        try {
            digest = MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java runtime has SHA-256", e);
        }
        try (InputStream in = new DigestInputStream(Files.newInputStream(file), digest)) {
            in.transferTo(OutputStream.nullOutputStream());
        }
        return HexFormat.of().formatHex(digest.digest());
    }
}
