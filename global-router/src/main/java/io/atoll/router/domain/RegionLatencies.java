package io.atoll.router.domain;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.OptionalInt;

/**
 * Expected round-trip times between regions, for clients that say only which region they are in. Symmetric:
 * an entry {@code eu-west-1/us-east-1=75} answers both directions; a region is 0 ms from itself.
 */
public final class RegionLatencies {
    public static final RegionLatencies NONE = new RegionLatencies(Map.of());

    private final Map<String, Integer> millisByPair;

    private RegionLatencies(Map<String, Integer> millisByPair) {
        this.millisByPair = millisByPair;
    }

    /** The table from entries of the form {@code REGION_A/REGION_B=MILLIS}. */
    public static RegionLatencies parse(List<String> entries) {
        Map<String, Integer> millisByPair = new HashMap<>();
        for (String entry : entries) {
            String[] pairAndMillis = entry.split("=", -1);
            String[] regions = pairAndMillis[0].split("/", -1);
            if (pairAndMillis.length != 2 || regions.length != 2 || regions[0].isBlank() || regions[1].isBlank()) {
                throw new IllegalArgumentException("region latency \"" + entry + "\" is not of the form REGION_A/REGION_B=MILLIS");
            }
            int millis;
            try {
                millis = Integer.parseInt(pairAndMillis[1].trim());
            } catch (NumberFormatException e) {
                throw new IllegalArgumentException("region latency \"" + entry + "\" has no whole number of milliseconds");
            }
            if (millis < 0) {
                throw new IllegalArgumentException("region latency \"" + entry + "\" is negative");
            }
            millisByPair.put(key(regions[0].trim(), regions[1].trim()), millis);
            millisByPair.put(key(regions[1].trim(), regions[0].trim()), millis);
        }
        return new RegionLatencies(Map.copyOf(millisByPair));
    }

    public OptionalInt millis(String from, String to) {
        if (from.equals(to)) {
            return OptionalInt.of(0);
        }
        Integer millis = millisByPair.get(key(from, to));
        return millis == null ? OptionalInt.empty() : OptionalInt.of(millis);
    }

    private static String key(String from, String to) {
        return from + "/" + to;
    }
}
