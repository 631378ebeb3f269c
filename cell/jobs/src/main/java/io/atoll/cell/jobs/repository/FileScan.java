package io.atoll.cell.jobs.repository;

import java.io.BufferedReader;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.SequenceInputStream;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

import static java.util.Objects.requireNonNull;

/**
 * What one file of a repository holds: whether it is text, how many lines, which secrets where.
 *
 * @param lines 0 for a binary file
 * @param secrets at most one per rule and line
 */
record FileScan(boolean binary, long lines, List<SecretFinding> secrets) {
    /** Git's own test: a file with a NUL byte near its start is binary. */
    static final int BINARY_PROBE_BYTES = 8 * 1024;

    FileScan {
        requireNonNull(secrets, "secrets is null");
        secrets = List.copyOf(secrets);
    }

    /** Reads a file's content once, line by line; text that is not UTF-8 is read with replacement characters. */
    static FileScan of(String path, InputStream content) throws IOException {
        byte[] head = content.readNBytes(BINARY_PROBE_BYTES);
        for (byte b : head) {
            if (b == 0) {
                return new FileScan(true, 0, List.of());
            }
        }
        InputStream whole = new SequenceInputStream(new ByteArrayInputStream(head), content);
        BufferedReader text = new BufferedReader(new InputStreamReader(whole, StandardCharsets.UTF_8.newDecoder()
                .onMalformedInput(CodingErrorAction.REPLACE)
                .onUnmappableCharacter(CodingErrorAction.REPLACE)));
        List<SecretFinding> secrets = new ArrayList<>();
        long lines = 0;
        for (String line = text.readLine(); line != null; line = text.readLine()) {
            lines++;
            for (SecretRule rule : SecretRule.values()) {
                if (rule.matches(line)) {
                    secrets.add(new SecretFinding(path, lines, rule));
                }
            }
        }
        return new FileScan(false, lines, secrets);
    }
}
