package io.atoll.cell.storage.domain;

import io.atoll.cell.storage.domain.upload.DigestingInputStream;
import org.junit.jupiter.api.Test;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.security.MessageDigest;
import java.util.HexFormat;
import java.util.Random;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class DigestingInputStreamTest {
    @Test
    void countsAndHashesEveryByteThatPassesThrough() throws Exception {
        byte[] body = new byte[100_000];
        new Random(7).nextBytes(body);
        DigestingInputStream stream = new DigestingInputStream(new ByteArrayInputStream(body), body.length);

        stream.read();
        stream.transferTo(OutputStream.nullOutputStream());

        assertThat(stream.count()).isEqualTo(body.length);
        assertThat(stream.sha256()).isEqualTo(HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(body)));
    }

    @Test
    void refusesTheUploadAsSoonAsItPassesTheLimit() {
        DigestingInputStream stream = new DigestingInputStream(new ByteArrayInputStream(new byte[1001]), 1000);

        assertThatThrownBy(() -> stream.transferTo(OutputStream.nullOutputStream()))
                .isInstanceOfSatisfying(RefusedException.class, refused -> assertThat(refused.refusal()).isEqualTo(Refusal.TOO_LARGE));
    }

    @Test
    void exactlyTheLimitIsAccepted() throws IOException {
        DigestingInputStream stream = new DigestingInputStream(new ByteArrayInputStream(new byte[1000]), 1000);

        assertThat(stream.transferTo(OutputStream.nullOutputStream())).isEqualTo(1000);
    }
}
