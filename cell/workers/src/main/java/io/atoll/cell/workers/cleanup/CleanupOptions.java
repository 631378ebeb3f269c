package io.atoll.cell.workers.cleanup;

import io.micronaut.core.convert.ConversionService;

import java.time.Duration;
import java.util.List;
import java.util.Optional;

/**
 * The {@code cleanup} command's arguments: {@code [--older-than <duration>] [--purge-only | --archive-only]}.
 *
 * @param olderThan the hot window for this run, instead of the configured one
 */
record CleanupOptions(boolean archive, boolean purge, Optional<Duration> olderThan) {
    static final String USAGE = "cleanup [--older-than 30d] [--purge-only | --archive-only]";

    /** @throws IllegalArgumentException saying what is wrong with the arguments */
    static CleanupOptions parse(List<String> args) {
        boolean purgeOnly = false;
        boolean archiveOnly = false;
        Optional<Duration> olderThan = Optional.empty();
        for (int index = 0; index < args.size(); index++) {
            String arg = args.get(index);
            if (arg.equals("--purge-only")) {
                purgeOnly = true;
            } else if (arg.equals("--archive-only")) {
                archiveOnly = true;
            } else if (arg.equals("--older-than") || arg.startsWith("--older-than=")) {
                String value = arg.contains("=") ? arg.substring(arg.indexOf('=') + 1) : ++index < args.size() ? args.get(index) : "";
                olderThan = Optional.of(duration(value));
            } else {
                throw new IllegalArgumentException("unknown argument " + arg);
            }
        }
        if (purgeOnly && archiveOnly) {
            throw new IllegalArgumentException("--purge-only and --archive-only exclude each other");
        }
        if (purgeOnly && olderThan.isPresent()) {
            throw new IllegalArgumentException("--older-than is for the archive, which --purge-only skips");
        }
        return new CleanupOptions(!purgeOnly, !archiveOnly, olderThan);
    }

    CleanupRequest request(Duration configuredHotWindow) {
        return new CleanupRequest(archive, purge, olderThan.orElse(configuredHotWindow));
    }

    /** Written as in the configuration ({@code 30d}, {@code 12h}, or ISO-8601 {@code P30D}). */
    private static Duration duration(String text) {
        Optional<Duration> duration = text.isBlank() ? Optional.empty() : ConversionService.SHARED.convert(text.trim(), Duration.class);
        if (duration.isEmpty() || duration.get().isNegative() || duration.get().isZero()) {
            throw new IllegalArgumentException("--older-than needs a positive duration such as 30d or 12h, not '" + text + "'");
        }
        return duration.get();
    }
}
