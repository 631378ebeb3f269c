package io.atoll.devstack.cli;

import picocli.CommandLine;

import java.time.Duration;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** A span of time as people write it: a whole number and s, m, h or d ({@code 90s}, {@code 30m}, {@code 30d}). */
final class AgeConverter implements CommandLine.ITypeConverter<Duration> {
    private static final Pattern AGE = Pattern.compile("([1-9][0-9]{0,5})([smhd])");

    @Override
    public Duration convert(String value) {
        Matcher matcher = AGE.matcher(value.trim());
        if (!matcher.matches()) {
            throw new CommandLine.TypeConversionException("'" + value + "' is not a span of time such as 90s, 30m, 12h or 30d");
        }
        long amount = Long.parseLong(matcher.group(1));
        return switch (matcher.group(2)) {
            case "s" -> Duration.ofSeconds(amount);
            case "m" -> Duration.ofMinutes(amount);
            case "h" -> Duration.ofHours(amount);
            default -> Duration.ofDays(amount);
        };
    }

    /** The span as {@link #convert} reads it, in its largest whole unit. */
    static String format(Duration age) {
        long seconds = age.toSeconds();
        if (seconds % 86_400 == 0) {
            return seconds / 86_400 + "d";
        }
        if (seconds % 3_600 == 0) {
            return seconds / 3_600 + "h";
        }
        return seconds % 60 == 0 ? seconds / 60 + "m" : seconds + "s";
    }
}
