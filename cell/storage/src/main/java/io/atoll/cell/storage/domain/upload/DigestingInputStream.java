package io.atoll.cell.storage.domain.upload;

import io.atoll.cell.storage.domain.Refusal;
import io.atoll.cell.storage.domain.RefusedException;
import io.atoll.cell.storage.domain.Sha256;

import java.io.IOException;
import java.io.InputStream;
import java.security.DigestInputStream;
import java.util.HexFormat;

/**
 * Passes an upload's bytes on while counting them and hashing them (SHA-256, by the JDK's {@link DigestInputStream}),
 * so the size and digest are known the moment the last byte has gone to the object store, without keeping the
 * bytes. Refuses the upload as soon as it passes the limit.
 */
public final class DigestingInputStream extends DigestInputStream {
    private final long limit;
    private long count;

    public DigestingInputStream(InputStream in, long limit) {
        super(in, Sha256.newDigest());
        this.limit = limit;
    }

    @Override
    public int read() throws IOException {
        int value = super.read();
        if (value >= 0) {
            counted(1);
        }
        return value;
    }

    @Override
    public int read(byte[] buffer, int offset, int length) throws IOException {
        int read = super.read(buffer, offset, length);
        if (read > 0) {
            counted(read);
        }
        return read;
    }

    /** Skipped bytes would be neither hashed nor counted. */
    @Override
    public long skip(long n) {
        throw new UnsupportedOperationException("every byte of an upload is hashed");
    }

    public long count() {
        return count;
    }

    /** The hex SHA-256 of every byte read; call once, after the last. */
    public String sha256() {
        return HexFormat.of().formatHex(getMessageDigest().digest());
    }

    private void counted(int bytes) {
        count += bytes;
        if (count > limit) {
            throw new RefusedException(Refusal.TOO_LARGE, "Upload too large", "Uploads may be at most " + limit + " bytes.");
        }
    }
}
