package io.atoll.cell.app.domain.upload;

import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;

import static org.assertj.core.api.Assertions.assertThat;

class PhotoFormatTest {
    @Test
    void recognisesEachFormatBySignature() {
        assertThat(PhotoFormat.of(new byte[] {(byte) 0xFF, (byte) 0xD8, (byte) 0xFF, (byte) 0xE0, 0, 0x10})).contains(PhotoFormat.JPEG);
        assertThat(PhotoFormat.of(new byte[] {(byte) 0x89, 'P', 'N', 'G', 0x0D, 0x0A, 0x1A, 0x0A, 0, 0, 0, 0x0D})).contains(PhotoFormat.PNG);
        assertThat(PhotoFormat.of(ascii("RIFF\u0024\u0000\u0000\u0000WEBPVP8 "))).contains(PhotoFormat.WEBP);
    }

    @Test
    void refusesLookAlikesAndShortHeads() {
        assertThat(PhotoFormat.of(ascii("RIFF\u0024\u0000\u0000\u0000WAVEfmt "))).isEmpty();
        assertThat(PhotoFormat.of(new byte[] {(byte) 0xFF, (byte) 0xD8})).isEmpty();
        assertThat(PhotoFormat.of(new byte[] {(byte) 0x89, 'P', 'N', 'G'})).isEmpty();
        assertThat(PhotoFormat.of(ascii("<svg xmlns="))).isEmpty();
        assertThat(PhotoFormat.of(new byte[0])).isEmpty();
    }

    private static byte[] ascii(String text) {
        return text.getBytes(StandardCharsets.ISO_8859_1);
    }
}
