package io.atoll.router.domain;

import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;

import static java.util.Objects.requireNonNull;

/**
 * What a request tells about where its client is: round-trip times the app measured to regions
 * ({@code X-Atoll-Rtt: eu-west-1=38,us-east-1=95}) and the region the edge saw it in ({@code X-Client-Region}).
 */
public final class ClientLocation {
    public static final ClientLocation UNKNOWN = new ClientLocation(Map.of(), Optional.empty());
    private static final int MAX_HINTS = 32;
    private static final int MAX_RTT_MILLIS = 60_000;

    private final Map<String, Integer> rttMillisByRegion;
    private final Optional<String> region;

    private ClientLocation(Map<String, Integer> rttMillisByRegion, Optional<String> region) {
        this.rttMillisByRegion = rttMillisByRegion;
        this.region = region;
    }

    /**
     * The location in these header values, either of which may be absent. Malformed hints are skipped one
     * by one: a client's bad measurement must not cost it its request.
     */
    public static ClientLocation of(String rttHeader, String regionHeader) {
        Map<String, Integer> hints = rttHeader == null ? Map.of() : parseHints(rttHeader);
        Optional<String> region = regionHeader == null || regionHeader.isBlank() ? Optional.empty() : Optional.of(regionHeader.trim());
        return hints.isEmpty() && region.isEmpty() ? UNKNOWN : new ClientLocation(hints, region);
    }

    public OptionalInt rttMillis(String region) {
        requireNonNull(region, "region is null");
        Integer millis = rttMillisByRegion.get(region);
        return millis == null ? OptionalInt.empty() : OptionalInt.of(millis);
    }

    public boolean hasRttHints() {
        return !rttMillisByRegion.isEmpty();
    }

    public Optional<String> region() {
        return region;
    }

    private static Map<String, Integer> parseHints(String header) {
        Map<String, Integer> hints = new HashMap<>();
        for (String hint : header.split(",", MAX_HINTS + 1)) {
            int equals = hint.indexOf('=');
            if (equals <= 0 || hints.size() == MAX_HINTS) {
                continue;
            }
            String region = hint.substring(0, equals).trim();
            try {
                int millis = Integer.parseInt(hint.substring(equals + 1).trim());
                if (!region.isEmpty() && millis >= 0 && millis <= MAX_RTT_MILLIS) {
                    hints.put(region, millis);
                }
            } catch (NumberFormatException malformed) {
                // skipped, as the class comment says
            }
        }
        return Map.copyOf(hints);
    }
}
