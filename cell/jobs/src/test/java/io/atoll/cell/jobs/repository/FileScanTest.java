package io.atoll.cell.jobs.repository;

import org.junit.jupiter.api.Test;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class FileScanTest {
    @Test
    void countsLinesWhateverTheirEnding() throws IOException {
        assertThat(scan("").lines()).isZero();
        assertThat(scan("one").lines()).isEqualTo(1);
        assertThat(scan("one\n").lines()).isEqualTo(1);
        assertThat(scan("one\ntwo").lines()).isEqualTo(2);
        assertThat(scan("one\r\ntwo\r\n").lines()).isEqualTo(2);
        assertThat(scan("\n\n\n").lines()).isEqualTo(3);
    }

    @Test
    void aNulByteInTheFirstEightKibibytesMakesAFileBinary() throws IOException {
        byte[] early = "text\u0000more\nlines\n".getBytes(StandardCharsets.UTF_8);
        byte[] late = new byte[FileScan.BINARY_PROBE_BYTES + 10];
        Arrays.fill(late, (byte) 'a');
        late[FileScan.BINARY_PROBE_BYTES + 5] = 0;

        assertThat(FileScan.of("early.bin", new ByteArrayInputStream(early))).isEqualTo(new FileScan(true, 0, List.of()));
        assertThat(FileScan.of("late.txt", new ByteArrayInputStream(late)).binary()).isFalse();
    }

    @Test
    void textThatIsNotUtf8IsStillScanned() throws IOException {
        byte[] latin1 = ("caf\u00e9\npassword = 'hunter22'\n").getBytes(StandardCharsets.ISO_8859_1);

        FileScan scan = FileScan.of("legacy.properties", new ByteArrayInputStream(latin1));

        assertThat(scan.lines()).isEqualTo(2);
        assertThat(scan.secrets()).containsExactly(new SecretFinding("legacy.properties", 2, SecretRule.PASSWORD_ASSIGNMENT));
    }

    private static FileScan scan(String text) throws IOException {
        return FileScan.of("file.txt", new ByteArrayInputStream(text.getBytes(StandardCharsets.UTF_8)));
    }
}
