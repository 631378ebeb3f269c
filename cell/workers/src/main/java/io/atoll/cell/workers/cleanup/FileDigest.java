package io.atoll.cell.workers.cleanup;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.DigestInputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;

/** A file's digest by one of the algorithms every JDK has (SHA-256, MD5). */
public final class FileDigest {
    private FileDigest() {
    }

    public static byte[] of(Path file, String algorithm) {
        try (DigestInputStream in = new DigestInputStream(Files.newInputStream(file), MessageDigest.getInstance(algorithm))) {
            in.transferTo(OutputStream.nullOutputStream());
            return in.getMessageDigest().digest();
        } catch (IOException e) {
            throw new UncheckedIOException("could not read " + file, e);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalArgumentException("no " + algorithm + " in this JDK", e);
        }
    }
}
