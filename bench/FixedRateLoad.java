import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
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
 * <p>Usage: {@code java FixedRateLoad.java [-H 'Name: value']... RATE_PER_SECOND WARMUP_SECONDS SECONDS CONNECTIONS
 * URL...}, URLs on 127.0.0.1 only, the first being the upstream itself; every request carries the {@code -H}
 * headers. Prints one line per URL: {@code url requests errors p50 p90 p99 p99.9 max} in microseconds, and for
 * the others the added latency.
 */
public final class FixedRateLoad {
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
        List<Result> results = run(urls, headers.toString(), rate, seconds, connections);
        for (int index = 0; index < urls.size(); index++) {
            System.out.println(results.get(index).describe(urls.get(index))
                    + (index == 0 ? "" : "  added: " + results.get(index).added(results.get(0))));
        }
    }

    private static List<Result> run(List<URI> urls, String headers, int rate, int seconds, int connections) throws Exception {
        int total = rate * seconds;
        long intervalNanos = 1_000_000_000L / rate;
        long start = System.nanoTime() + 50_000_000L;
        List<long[]> latencies = new ArrayList<>();
        List<int[]> errors = new ArrayList<>();
        List<Thread> workers = new ArrayList<>();
        for (int target = 0; target < urls.size(); target++) {
            URI url = urls.get(target);
            long targetStart = start + target * intervalNanos / urls.size();
            long[] targetLatencies = new long[total];
            int[] targetErrors = new int[connections];
            latencies.add(targetLatencies);
            errors.add(targetErrors);
            for (int connection = 0; connection < connections; connection++) {
                int first = connection;
                Thread worker = new Thread(() -> targetErrors[first] = drive(url, headers, first, connections, total, targetStart,
                        intervalNanos, targetLatencies), "load-" + target + "-" + connection);
                workers.add(worker);
                worker.start();
            }
        }
        for (Thread worker : workers) {
            worker.join();
        }
        List<Result> results = new ArrayList<>();
        for (int target = 0; target < urls.size(); target++) {
            results.add(new Result(latencies.get(target), Arrays.stream(errors.get(target)).sum()));
        }
        return results;
    }

    /** Sends every {@code stride}-th request of the schedule, starting at {@code first}, on one connection. */
    private static int drive(URI url, String headers, int first, int stride, int total, long start, long intervalNanos, long[] latencies) {
        byte[] request = ("GET " + (url.getRawPath().isEmpty() ? "/" : url.getRawPath()) + " HTTP/1.1\r\nHost: "
                + url.getHost() + ":" + url.getPort() + "\r\nUser-Agent: fixed-rate-load\r\n" + headers + "\r\n").getBytes(StandardCharsets.US_ASCII);
        int errors = 0;
        Socket socket = null;
        InputStream in = null;
        for (int index = first; index < total; index += stride) {
            long planned = start + index * intervalNanos;
            long wait;
            while ((wait = planned - System.nanoTime()) > 0) {
                LockSupport.parkNanos(wait);
            }
            try {
                if (socket == null) {
                    socket = open(url);
                    in = new BufferedInputStream(socket.getInputStream(), 16 * 1024);
                }
                OutputStream out = socket.getOutputStream();
                out.write(request);
                out.flush();
                if (readResponse(in) != 200) {
                    errors++;
                }
                latencies[index] = System.nanoTime() - planned;
            } catch (IOException e) {
                errors++;
                latencies[index] = System.nanoTime() - planned;
                close(socket);
                socket = null;
            }
        }
        close(socket);
        return errors;
    }

    private static Socket open(URI url) throws IOException {
        Socket socket = new Socket();
        socket.setTcpNoDelay(true);
        socket.setSoTimeout(5_000);
        socket.connect(new InetSocketAddress(url.getHost(), url.getPort()), 2_000);
        return socket;
    }

    /** Reads one response with a Content-Length body; returns its status. */
    private static int readResponse(InputStream in) throws IOException {
        StringBuilder head = new StringBuilder();
        int previous = -1;
        int current;
        int lineStart = 0;
        int status = -1;
        long contentLength = 0;
        while ((current = in.read()) != -1) {
            head.append((char) current);
            if (previous == '\r' && current == '\n') {
                String line = head.substring(lineStart, head.length() - 2);
                if (line.isEmpty()) {
                    break;
                }
                if (status == -1) {
                    status = Integer.parseInt(line.substring(9, 12));
                } else if (line.regionMatches(true, 0, "content-length:", 0, 15)) {
                    contentLength = Long.parseLong(line.substring(15).trim());
                }
                lineStart = head.length();
            }
            previous = current;
        }
        if (current == -1) {
            throw new IOException("connection closed");
        }
        for (long remaining = contentLength; remaining > 0; ) {
            long skipped = in.skip(remaining);
            if (skipped <= 0) {
                if (in.read() == -1) {
                    throw new IOException("connection closed in the body");
                }
                skipped = 1;
            }
            remaining -= skipped;
        }
        return status;
    }

    private static void close(Socket socket) {
        if (socket != null) {
            try {
                socket.close();
            } catch (IOException ignored) {
                // closing a broken connection
            }
        }
    }

    private record Result(long[] latencies, int errors) {
        private static final double[] QUANTILES = {0.50, 0.90, 0.99, 0.999};
        private static final String[] NAMES = {"p50", "p90", "p99", "p99.9"};

        String describe(URI url) {
            StringBuilder line = new StringBuilder(String.format(Locale.ROOT, "%s requests=%d errors=%d", url, latencies.length, errors));
            for (int quantile = 0; quantile < QUANTILES.length; quantile++) {
                line.append(' ').append(NAMES[quantile]).append('=').append(micros(QUANTILES[quantile]));
            }
            return line.append(" max=").append(sorted()[latencies.length - 1] / 1_000).toString();
        }

        String added(Result upstream) {
            StringBuilder line = new StringBuilder();
            for (int quantile = 0; quantile < QUANTILES.length; quantile++) {
                line.append(quantile == 0 ? "" : " ").append(NAMES[quantile]).append('=')
                        .append(micros(QUANTILES[quantile]) - upstream.micros(QUANTILES[quantile]));
            }
            return line.toString();
        }

        private long micros(double quantile) {
            long[] sorted = sorted();
            return sorted[(int) Math.min(sorted.length - 1, Math.ceil(quantile * sorted.length) - 1)] / 1_000;
        }

        private long[] sorted() {
            long[] sorted = latencies.clone();
            Arrays.sort(sorted);
            return sorted;
        }
    }
}
