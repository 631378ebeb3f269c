package io.atoll.cell.auth.support;

import java.io.IOException;
import java.io.InputStream;
import java.util.Arrays;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

/** A request body whose later parts are sent only after the upstream has seen the first one. */
public final class HeldBackBody extends InputStream {
    private final long total;
    private final CountDownLatch firstPartArrived;
    private long sent;

    public HeldBackBody(int parts, CountDownLatch firstPartArrived) {
        this.total = (long) parts * EchoUpstream.PART;
        this.firstPartArrived = firstPartArrived;
    }

    @Override
    public int read() throws IOException {
        byte[] one = new byte[1];
        return read(one, 0, 1) < 0 ? -1 : one[0];
    }

    @Override
    public int read(byte[] buffer, int offset, int length) throws IOException {
        if (sent >= total) {
            return -1;
        }
        if (sent == EchoUpstream.PART) {
            try {
                if (!firstPartArrived.await(20, TimeUnit.SECONDS)) {
                    throw new IOException("the upstream never saw the first part: the proxy buffered the body");
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IOException(e);
            }
        }
        long limit = sent < EchoUpstream.PART ? EchoUpstream.PART : total;
        int count = (int) Math.min(length, limit - sent);
        Arrays.fill(buffer, offset, offset + count, (byte) 'x');
        sent += count;
        return count;
    }
}
