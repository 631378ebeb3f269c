package io.atoll.cell.storage.domain;

import io.atoll.cell.storage.domain.upload.ContentSniffer;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;

import static org.assertj.core.api.Assertions.assertThat;

class ContentSnifferTest {
    @Test
    void jpegPngAndWebpAreKnownByTheirFirstBytes() {
        assertThat(ContentSniffer.contentType(bytes(0xFF, 0xD8, 0xFF, 0xE1, 0, 0))).hasValue("image/jpeg");
        assertThat(ContentSniffer.contentType(bytes(0x89, 'P', 'N', 'G', 0x0D, 0x0A, 0x1A, 0x0A, 0, 0, 0, 13))).hasValue("image/png");
        assertThat(ContentSniffer.contentType("RIFF\u0010\u0000\u0000\u0000WEBP".getBytes(StandardCharsets.ISO_8859_1))).hasValue("image/webp");
    }

    @Test
    void anythingElseIsNotAnAcceptedImage() {
        assertThat(ContentSniffer.contentType("GIF89a......".getBytes(StandardCharsets.US_ASCII))).isEmpty();
        assertThat(ContentSniffer.contentType("RIFF\u0010\u0000\u0000\u0000WAVE".getBytes(StandardCharsets.ISO_8859_1))).isEmpty();
        assertThat(ContentSniffer.contentType("%PDF-1.7 ...".getBytes(StandardCharsets.US_ASCII))).isEmpty();
        assertThat(ContentSniffer.contentType(bytes(0x89, 'P', 'N', 'G', 0x0D, 0x0A))).as("a PNG signature cut short").isEmpty();
        assertThat(ContentSniffer.contentType(bytes(0xFF, 0xD8))).isEmpty();
        assertThat(ContentSniffer.contentType(new byte[0])).isEmpty();
    }

    private static byte[] bytes(int... values) {
        byte[] bytes = new byte[values.length];
        for (int index = 0; index < values.length; index++) {
            bytes[index] = (byte) values[index];
        }
        return bytes;
    }
}
