package io.atoll.cell.jobs.photo;

import io.atoll.cell.jobs.Job;
import io.atoll.cell.jobs.JobSpec;

import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

import static java.util.Objects.requireNonNull;

/**
 * Writes a JPEG thumbnail of a photo for each requested size: {@code thumb-<size>.jpg} in the output folder, its
 * longest side {@code size} pixels (never larger than the photo), shown the right way up, without any metadata.
 */
public final class ThumbnailsJob implements Job {
    public static final String KIND = "photo-thumbnails";
    static final int SMALLEST_SIZE = 16;
    static final int LARGEST_SIZE = 4096;
    static final int MOST_SIZES = 8;

    /** @param bytes the file's size */
    public record Thumbnail(String name, int width, int height, long bytes) {
        public Thumbnail {
            requireNonNull(name, "name is null");
        }
    }

    /** @param thumbnails one per requested size, in the order of the spec's sizes */
    public record ThumbnailSet(List<Thumbnail> thumbnails) {
        public ThumbnailSet {
            thumbnails = List.copyOf(thumbnails);
        }
    }

    @Override
    public String kind() {
        return KIND;
    }

    @Override
    public ThumbnailSet run(JobSpec spec) throws IOException {
        Path input = spec.path("input");
        Path outputDir = spec.path("outputDir");
        List<Integer> sizes = spec.distinctIntegers("sizes", SMALLEST_SIZE, LARGEST_SIZE, MOST_SIZES);
        Photo photo = Photo.read(input, Collections.max(sizes));
        Files.createDirectories(outputDir);
        int longest = Math.max(photo.width(), photo.height());
        List<Thumbnail> thumbnails = new ArrayList<>();
        for (int size : sizes) {
            int width = fitted(photo.width(), longest, size);
            int height = fitted(photo.height(), longest, size);
            BufferedImage scaled = photo.scaledTo(width, height);
            byte[] jpeg = MetadataFreeJpeg.encode(scaled);
            String name = "thumb-" + size + ".jpg";
            Files.write(outputDir.resolve(name), jpeg);
            thumbnails.add(new Thumbnail(name, width, height, jpeg.length));
        }
        return new ThumbnailSet(thumbnails);
    }

    /** A side of the photo once its longest side is at most {@code size}, keeping the aspect ratio; at least 1. */
    static int fitted(int side, int longestSide, int size) {
        if (longestSide <= size) {
            return side;
        }
        return Math.max(1, (int) Math.round((double) side * size / longestSide));
    }
}
