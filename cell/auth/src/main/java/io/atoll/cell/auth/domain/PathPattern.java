package io.atoll.cell.auth.domain;

import java.util.regex.Pattern;

import static java.util.Objects.requireNonNull;

/** An Ant-style path pattern: {@code ?} one character and {@code *} any run within a segment, {@code **} any run of segments. */
public final class PathPattern {
    private final String text;
    private final Pattern regex;

    public PathPattern(String text) {
        this.text = requireNonNull(text, "text is null");
        if (!text.startsWith("/")) {
            throw new IllegalArgumentException("a path pattern starts with '/': " + text);
        }
        this.regex = Pattern.compile(toRegex(text));
    }

    public boolean matches(String path) {
        return regex.matcher(path).matches();
    }

    private static String toRegex(String pattern) {
        StringBuilder regex = new StringBuilder();
        int i = 0;
        while (i < pattern.length()) {
            char c = pattern.charAt(i);
            if (pattern.startsWith("/**", i) && i + 3 == pattern.length()) {
                // "/v1/**" covers "/v1" itself as well as everything below it.
                regex.append("(/.*)?");
                i += 3;
            } else if (pattern.startsWith("**", i)) {
                regex.append(".*");
                i += 2;
            } else if (c == '*') {
                regex.append("[^/]*");
                i++;
            } else if (c == '?') {
                regex.append("[^/]");
                i++;
            } else {
                regex.append(Pattern.quote(String.valueOf(c)));
                i++;
            }
        }
        return regex.toString();
    }

    @Override
    public String toString() {
        return text;
    }
}
