import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.StandardSocketOptions;
import java.net.URI;
import java.nio.ByteBuffer;
import java.nio.channels.SelectionKey;
import java.nio.channels.Selector;
import java.nio.channels.SocketChannel;
import java.nio.charset.StandardCharsets;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.locks.LockSupport;

/**
 * Sends GET requests at a fixed rate over keep-alive connections and reports latency percentiles. Each request
 * has a planned start on a fixed schedule and its latency is measured from that planned start, so a slow answer
 * that delays the requests behind it is counted against them too (no coordinated omission).
 *
 * <p>All URLs are loaded at the same time, each at the full rate on its own connections, their schedules
 * staggered: on a machine shared with other work, every URL meets the same background load, and the
 * difference between a proxy and the upstream it fronts is the latency the proxy adds.
 *
 * <p>Two threads do all the work, whatever the rate and the number of connections, and allocate nothing per
 * request: one sends each request when it is due (on an idle connection of its URL, or as soon as one frees
 * up), the other reads every answer through one selector. On a two-core machine whatever the load generator
 * spends is taken from the server it measures, so it must spend little.
 *
 * <p>Usage: {@code java FixedRateLoad.java [-H 'Name: value']... RATE_PER_SECOND WARMUP_SECONDS SECONDS CONNECTIONS
 * URL...}, URLs on 127.0.0.1 only, the first being the upstream itself; every request carries the {@code -H}
 * headers. Answers must carry a Content-Length. Prints one line per URL:
 * {@code url requests errors p50 p90 p99 p99.9 max} in microseconds, and for the others the added latency.
 */
public final class FixedRateLoad {
    private static final long ANSWER_TIMEOUT_NANOS = 5_000_000_000L;
    private static final double[] QUANTILES = {0.50, 0.90, 0.99, 0.999};
    private static final String[] QUANTILE_NAMES = {"p50", "p90", "p99", "p99.9"};

    public static void main(String[] args) throws Exception {
        StringBuilder headers = new StringBuilder();
        int first = 0;
        while (first + 1 < args.length && args[first].equals("-H")) {
            headers.append(args[first + 1]).append("\r\n");
            first += 2;
        }
        if (args.length - first < 5) {
            throw new IllegalArgumentException("usage: [-H 'Name: value']... RATE_PER_SECOND WARMUP_SECONDS SECONDS CONNECTIONS URL...");
        }
        int rate = Integer.parseInt(args[first]);
        int warmupSeconds = Integer.parseInt(args[first + 1]);
        int seconds = Integer.parseInt(args[first + 2]);
        int connections = Integer.parseInt(args[first + 3]);
        List<URI> urls = Arrays.stream(args, first + 4, args.length).map(URI::create).toList();
        for (URI url : urls) {
            if (!"127.0.0.1".equals(url.getHost())) {
                throw new IllegalArgumentException("only 127.0.0.1 may be loaded: " + url);
            }
        }
        run(urls, headers.toString(), rate, warmupSeconds, connections);
        List<Target> results = run(urls, headers.toString(), rate, seconds, connections);
        for (Target target : results) {
            System.out.println(target.describe() + (target == results.get(0) ? "" : "  added: " + target.added(results.get(0))));
        }
    }

    private static List<Target> run(List<URI> urls, String headers, int rate, int seconds, int connections) throws Exception {
        long intervalNanos = 1_000_000_000L / rate;
        long start = System.nanoTime() + 100_000_000L;
        List<Target> targets = new ArrayList<>();
        try (Selector selector = Selector.open()) {
            for (int index = 0; index < urls.size(); index++) {
                Target target = new Target(urls.get(index), headers, rate * seconds, start + index * intervalNanos / urls.size(), intervalNanos);
                for (int connection = 0; connection < connections; connection++) {
                    target.open(selector);
                }
                targets.add(target);
            }
            Thread reader = new Thread(() -> read(selector, targets), "fixed-rate-reader");
            reader.start();
            send(targets);
            reader.join();
            for (Target target : targets) {
                target.close();
            }
        }
        return targets;
    }

    /** Starts every request when it is due, in the order of the merged schedules. */
    private static void send(List<Target> targets) {
        while (true) {
            Target next = null;
            for (Target target : targets) {
                if (target.hasNext() && (next == null || target.nextPlanned() < next.nextPlanned())) {
                    next = target;
                }
            }
            if (next == null) {
                return;
            }
            long wait;
            while ((wait = next.nextPlanned() - System.nanoTime()) > 0) {
                LockSupport.parkNanos(wait);
            }
            next.startNext();
        }
    }

    /** Reads answers until every request of every target is answered or has failed. */
    private static void read(Selector selector, List<Target> targets) {
        try {
            while (!allFinished(targets)) {
                selector.select(100);
                for (SelectionKey key : selector.selectedKeys()) {
                    ((Connection) key.attachment()).readable();
                }
                selector.selectedKeys().clear();
                long now = System.nanoTime();
                for (Target target : targets) {
                    target.failSilent(now);
                }
            }
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    private static boolean allFinished(List<Target> targets) {
        for (Target target : targets) {
            if (!target.finished()) {
                return false;
            }
        }
        return true;
    }

    /** One URL: its schedule, its connections and what its requests measured. */
    private static final class Target {
        private final URI url;
        private final byte[] request;
        private final long[] latencies;
        private final long start;
        private final long intervalNanos;
        private final List<Connection> all = new ArrayList<>();
        private final ArrayDeque<Connection> idle = new ArrayDeque<>();
        /** Indexes of requests that are due while every connection is busy. */
        private final ArrayDeque<Integer> waiting = new ArrayDeque<>();
        private int next;
        private int done;
        private int errors;
        private long[] sorted;

        Target(URI url, String headers, int total, long start, long intervalNanos) {
            this.url = url;
            this.request = ("GET " + (url.getRawPath().isEmpty() ? "/" : url.getRawPath()) + " HTTP/1.1\r\nHost: " + url.getHost() + ":"
                    + url.getPort() + "\r\nUser-Agent: fixed-rate-load\r\n" + headers + "\r\n").getBytes(StandardCharsets.US_ASCII);
            this.latencies = new long[total];
            this.start = start;
            this.intervalNanos = intervalNanos;
        }

        void open(Selector selector) throws IOException {
            Connection connection = new Connection(this, selector);
            all.add(connection);
            idle.add(connection);
        }

        boolean hasNext() {
            return next < latencies.length;
        }

        long nextPlanned() {
            return planned(next);
        }

        long planned(int index) {
            return start + index * intervalNanos;
        }

        synchronized void startNext() {
            int index = next++;
            Connection connection = idle.poll();
            if (connection == null) {
                waiting.add(index);
            } else {
                connection.send(index);
            }
        }

        /** A connection finished its request: it takes the oldest waiting one, or goes idle. */
        synchronized void answered(Connection connection, int index, boolean ok, long now) {
            latencies[index] = now - planned(index);
            done++;
            errors += ok ? 0 : 1;
            Integer waitingIndex = waiting.poll();
            if (waitingIndex != null) {
                connection.send(waitingIndex);
            } else {
                idle.add(connection);
            }
        }

        synchronized boolean finished() {
            return done == latencies.length;
        }

        synchronized void close() {
            for (Connection connection : all) {
                connection.close();
            }
        }

        synchronized void failSilent(long now) {
            for (Connection connection : all) {
                connection.failIfSilent(now);
            }
        }

        String describe() {
            StringBuilder line = new StringBuilder(String.format(Locale.ROOT, "%s requests=%d errors=%d", url, latencies.length, errors));
            for (int quantile = 0; quantile < QUANTILES.length; quantile++) {
                line.append(' ').append(QUANTILE_NAMES[quantile]).append('=').append(micros(QUANTILES[quantile]));
            }
            return line.append(" max=").append(micros(1.0)).toString();
        }

        String added(Target upstream) {
            StringBuilder line = new StringBuilder();
            for (int quantile = 0; quantile < QUANTILES.length; quantile++) {
                line.append(quantile == 0 ? "" : " ").append(QUANTILE_NAMES[quantile]).append('=')
                        .append(micros(QUANTILES[quantile]) - upstream.micros(QUANTILES[quantile]));
            }
            return line.toString();
        }

        /** The latency at a quantile of this target's requests, in microseconds; call once every request is answered. */
        private long micros(double quantile) {
            if (sorted == null) {
                sorted = latencies.clone();
                Arrays.sort(sorted);
            }
            return sorted[(int) Math.min(sorted.length - 1, Math.ceil(quantile * sorted.length) - 1)] / 1_000;
        }
    }

    /** One keep-alive connection with at most one request in flight; reconnects after a failure. */
    private static final class Connection {
        private static final byte[] CONTENT_LENGTH = "content-length:".getBytes(StandardCharsets.US_ASCII);

        private final Target target;
        private final Selector selector;
        private final ByteBuffer in = ByteBuffer.allocateDirect(64 * 1024);
        private SocketChannel channel;
        private int inFlight = -1;
        private long sentAt;

        Connection(Target target, Selector selector) throws IOException {
            this.target = target;
            this.selector = selector;
            connect();
        }

        private void connect() throws IOException {
            channel = SocketChannel.open(new InetSocketAddress(target.url.getHost(), target.url.getPort()));
            channel.setOption(StandardSocketOptions.TCP_NODELAY, true);
            channel.configureBlocking(false);
            channel.register(selector, SelectionKey.OP_READ, this);
            selector.wakeup();
            in.clear();
        }

        /** Called with the target's lock held. */
        void send(int index) {
            inFlight = index;
            sentAt = System.nanoTime();
            try {
                if (channel == null) {
                    connect();
                }
                ByteBuffer out = ByteBuffer.wrap(target.request);
                while (out.hasRemaining()) {
                    channel.write(out);
                }
            } catch (IOException e) {
                fail();
            }
        }

        void readable() {
            synchronized (target) {
                if (channel == null) {
                    return;
                }
                try {
                    if (channel.read(in) < 0) {
                        throw new IOException("connection closed");
                    }
                    int status = complete();
                    if (status > 0 && inFlight >= 0) {
                        int index = inFlight;
                        inFlight = -1;
                        in.clear();
                        target.answered(this, index, status == 200, System.nanoTime());
                    }
                } catch (IOException e) {
                    fail();
                }
            }
        }

        void failIfSilent(long now) {
            if (inFlight >= 0 && now - sentAt > ANSWER_TIMEOUT_NANOS) {
                fail();
            }
        }

        void close() {
            if (channel != null) {
                try {
                    channel.close();
                } catch (IOException ignored) {
                    // already broken
                }
                channel = null;
            }
        }

        private void fail() {
            close();
            if (inFlight >= 0) {
                int index = inFlight;
                inFlight = -1;
                target.answered(this, index, false, System.nanoTime());
            }
        }

        /** The status of the answer read so far when it is complete, else 0. */
        private int complete() throws IOException {
            int end = in.position();
            int headerEnd = -1;
            for (int i = 3; i < end; i++) {
                if (in.get(i) == '\n' && in.get(i - 1) == '\r' && in.get(i - 2) == '\n' && in.get(i - 3) == '\r') {
                    headerEnd = i + 1;
                    break;
                }
            }
            if (headerEnd < 0) {
                return 0;
            }
            long length = contentLength(headerEnd);
            if (length < 0) {
                throw new IOException("an answer without Content-Length");
            }
            return end >= headerEnd + length ? (in.get(9) - '0') * 100 + (in.get(10) - '0') * 10 + (in.get(11) - '0') : 0;
        }

        private long contentLength(int headerEnd) {
            for (int line = 0; line < headerEnd; line++) {
                if (line > 0 && in.get(line - 1) != '\n') {
                    continue;
                }
                int i = 0;
                while (i < CONTENT_LENGTH.length && line + i < headerEnd && Character.toLowerCase(in.get(line + i)) == CONTENT_LENGTH[i]) {
                    i++;
                }
                if (i == CONTENT_LENGTH.length) {
                    long length = 0;
                    for (int at = line + i; at < headerEnd && in.get(at) != '\r'; at++) {
                        byte b = in.get(at);
                        if (b >= '0' && b <= '9') {
                            length = length * 10 + (b - '0');
                        }
                    }
                    return length;
                }
            }
            return -1;
        }
    }
}
