package io.atoll.cell.app.domain.upload;

import io.atoll.cell.app.config.UploadSettings;
import io.atoll.cell.app.domain.MemberRef;
import io.atoll.cell.app.domain.Refusal;
import io.atoll.cell.app.domain.RefusedException;
import org.junit.jupiter.api.Test;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Supplier;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

class PhotoUploadsTest {
    private static final long MAX = 1_000;
    private static final MemberRef MEMBER = new MemberRef("member-1", Optional.of("eu-west-1"));
    private static final byte[] PNG_START = {(byte) 0x89, 'P', 'N', 'G', 0x0D, 0x0A, 0x1A, 0x0A};

    private final RecordingUploadBook book = new RecordingUploadBook();
    private final PhotoUploads photos = new PhotoUploads(book, new UploadSettings(MAX));

    @Test
    void aPhotoOfTheLargestSizeIsPassedOnWholeWithItsDeclaredLength() {
        byte[] photo = photo(PNG_START, (int) MAX);

        photos.upload(MEMBER, OptionalLong.of(MAX), () -> new ByteArrayInputStream(photo));

        assertThat(book.lengths).containsExactly(MAX);
        assertThat(book.received).hasSize(1);
        assertThat(book.received.get(0)).isEqualTo(photo);
    }

    @Test
    void withoutADeclaredLengthTheBodyIsNeverOpened() {
        AtomicBoolean opened = new AtomicBoolean();

        assertRefused(Refusal.LENGTH_REQUIRED, () -> photos.upload(MEMBER, OptionalLong.empty(), opening(opened)));
        assertThat(opened).isFalse();
        assertThat(book.lengths).isEmpty();
    }

    @Test
    void aDeclaredLengthOverTheLimitIsRefusedBeforeTheBodyIsOpened() {
        AtomicBoolean opened = new AtomicBoolean();

        assertRefused(Refusal.TOO_LARGE, () -> photos.upload(MEMBER, OptionalLong.of(MAX + 1), opening(opened)));
        assertThat(opened).isFalse();
        assertThat(book.lengths).isEmpty();
    }

    @Test
    void anEmptyBodyOrBytesOfAnotherKindAreNotAPhotoWhateverTheClientCallsThem() {
        byte[] gif = photo(new byte[] {'G', 'I', 'F', '8', '9', 'a'}, 100);
        byte[] text = "just some text, not a photo at all".getBytes();

        assertRefused(Refusal.UNSUPPORTED_MEDIA_TYPE, () -> photos.upload(MEMBER, OptionalLong.of(0), () -> InputStream.nullInputStream()));
        assertRefused(Refusal.UNSUPPORTED_MEDIA_TYPE, () -> photos.upload(MEMBER, OptionalLong.of(gif.length), () -> new ByteArrayInputStream(gif)));
        assertRefused(Refusal.UNSUPPORTED_MEDIA_TYPE, () -> photos.upload(MEMBER, OptionalLong.of(text.length), () -> new ByteArrayInputStream(text)));
        assertThat(book.lengths).isEmpty();
    }

    @Test
    void aBodyThatBreaksOffIsABadRequestNotAServerError() {
        Supplier<InputStream> broken = () -> new InputStream() {
            @Override
            public int read() throws IOException {
                throw new IOException("connection reset by the member");
            }
        };

        assertRefused(Refusal.BAD_REQUEST, () -> photos.upload(MEMBER, OptionalLong.of(100), broken));
    }

    private static byte[] photo(byte[] start, int length) {
        byte[] photo = new byte[length];
        Arrays.fill(photo, (byte) 7);
        System.arraycopy(start, 0, photo, 0, start.length);
        return photo;
    }

    private static Supplier<InputStream> opening(AtomicBoolean opened) {
        return () -> {
            opened.set(true);
            return InputStream.nullInputStream();
        };
    }

    private static void assertRefused(Refusal refusal, Runnable upload) {
        assertThatExceptionOfType(RefusedException.class).isThrownBy(upload::run).satisfies(refused -> assertThat(refused.refusal()).isEqualTo(refusal));
    }

    /** Keeps what it is given, as storage would. */
    private static final class RecordingUploadBook implements UploadBook {
        final List<Long> lengths = new ArrayList<>();
        final List<byte[]> received = new ArrayList<>();

        @Override
        public Upload store(MemberRef member, long length, InputStream photo) {
            lengths.add(length);
            try {
                received.add(photo.readAllBytes());
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
            Instant now = Instant.now();
            return new Upload("upload-1", member.id(), "image/png", length, "00", "stored", now, now.plusSeconds(60), List.of());
        }

        @Override
        public Upload find(MemberRef member, String uploadId) {
            throw new UnsupportedOperationException();
        }

        @Override
        public UploadContent content(MemberRef member, String uploadId) {
            throw new UnsupportedOperationException();
        }
    }
}
