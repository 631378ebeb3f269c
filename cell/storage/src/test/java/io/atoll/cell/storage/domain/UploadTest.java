package io.atoll.cell.storage.domain;

import io.atoll.cell.storage.domain.upload.Upload;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class UploadTest {
    private static final UUID ID = UUID.fromString("8d9b2c34-1f0e-4f6a-9a51-0c2a3e5b7d11");
    private static final Instant STORED = Instant.parse("2026-12-01T10:15:30Z");
    private static final Upload UPLOAD = new Upload(ID, "m-1", Upload.originalKey("m-1", ID), "image/jpeg", 100, "0".repeat(64), STORED,
            STORED.plusSeconds(3600), List.of());

    @Test
    void thePhotoAndWhatIsDerivedFromItLieSideBySideUnderTheUploadsFolder() {
        assertThat(UPLOAD.objectKey()).isEqualTo("uploads/m-1/" + ID + "/original");
        assertThat(UPLOAD.derivedKey("thumb-160.jpg")).isEqualTo("uploads/m-1/" + ID + "/derived/thumb-160.jpg");
        assertThat(UPLOAD.derivedKey("thumb-160.jpg")).startsWith(UPLOAD.derivedPrefix());
        assertThat(UPLOAD.objectKey()).doesNotStartWith(UPLOAD.derivedPrefix());
    }

    @Test
    void aDerivedNameCannotLeaveTheUploadsFolder() {
        assertThatThrownBy(() -> UPLOAD.derivedKey("../other")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> UPLOAD.derivedKey("a/b")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> UPLOAD.derivedKey("")).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void anUploadExpiresTheMomentItsRetentionEnds() {
        assertThat(UPLOAD.isExpired(STORED.plusSeconds(3599))).isFalse();
        assertThat(UPLOAD.isExpired(STORED.plusSeconds(3600))).isTrue();
    }
}
