package io.atoll.cell.storage.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** The {@code --name=value} arguments of a benchmark's main, and what every benchmark prints about the machine. */
final class BenchOptions {
    private final Map<String, String> values;

    private BenchOptions(Map<String, String> values) {
        this.values = values;
    }

    static BenchOptions parse(String[] args) {
        Map<String, String> values = new HashMap<>();
        for (String arg : args) {
            int equals = arg.indexOf('=');
            if (!arg.startsWith("--") || equals < 0) {
                throw new IllegalArgumentException("arguments are --name=value, not " + arg);
            }
            values.put(arg.substring(2, equals), arg.substring(equals + 1));
        }
        return new BenchOptions(values);
    }

    String text(String name, String fallback) {
        return values.getOrDefault(name, fallback);
    }

    int number(String name, int fallback) {
        String value = values.get(name);
        return value == null ? fallback : Integer.parseInt(value);
    }

    /** A comma-separated list of numbers; empty when the value is blank. */
    List<Integer> numbers(String name, String fallback) {
        String value = values.getOrDefault(name, fallback).trim();
        return value.isEmpty() ? List.of() : Arrays.stream(value.split(",")).map(String::trim).map(Integer::parseInt).toList();
    }

    /** The 1, 5 and 15 minute load averages: on a shared machine every figure depends on them. */
    static String loadAverage() {
        try {
            String[] parts = Files.readString(Path.of("/proc/loadavg")).split(" ");
            return parts[0] + " " + parts[1] + " " + parts[2];
        } catch (IOException unreadable) {
            return "unknown";
        }
    }
}
