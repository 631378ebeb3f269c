package io.atoll.cell.jobs.photo;

import com.fasterxml.jackson.annotation.JsonValue;

import java.util.Locale;
import java.util.Optional;

/** The photo formats the jobs read: those storage accepts as uploads. */
public enum PhotoFormat {
    JPEG,
    PNG,
    WEBP;

    /** The name in job results: {@code jpeg}, {@code png} or {@code webp}. */
    @JsonValue
    public String jsonName() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** The format an ImageIO reader reads, by the reader's format name; empty for any other format. */
    static Optional<PhotoFormat> ofImageIoFormatName(String formatName) {
        return switch (formatName.toLowerCase(Locale.ROOT)) {
            case "jpeg", "jpg" -> Optional.of(JPEG);
            case "png" -> Optional.of(PNG);
            case "webp" -> Optional.of(WEBP);
            default -> Optional.empty();
        };
    }
}
