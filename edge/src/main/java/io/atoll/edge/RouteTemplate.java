package io.atoll.edge;

/**
 * A request target as the access log names it: the path without query or fragment, each segment that is an id — a
 * number, a UUID, a hex string of 16 digits or more — replaced by {@code {id}}. Lines of one endpoint group
 * together (e.g. {@code /v1/devices/{id}/checkins}) and members' ids stay out of the log.
 */
public final class RouteTemplate {
    public static final String ID = "{id}";
    /** What a target not in origin form ({@code *}, an absolute URL) is logged as. */
    public static final String OTHER = "-";
    private static final int UUID_LENGTH = 36;
    private static final int MIN_HEX_ID_LENGTH = 16;

    private RouteTemplate() {
    }

    /** Runs once per request on an event loop: allocates only when the target has a query or an id to replace. */
    public static String of(String target) {
        if (target.isEmpty() || target.charAt(0) != '/') {
            return OTHER;
        }
        int end = pathEnd(target);
        StringBuilder templated = null;
        int copied = 0;
        int segmentStart = 1;
        for (int i = 1; i <= end; i++) {
            if (i == end || target.charAt(i) == '/') {
                if (isId(target, segmentStart, i)) {
                    if (templated == null) {
                        templated = new StringBuilder(end + ID.length());
                    }
                    templated.append(target, copied, segmentStart).append(ID);
                    copied = i;
                }
                segmentStart = i + 1;
            }
        }
        if (templated != null) {
            return templated.append(target, copied, end).toString();
        }
        return end == target.length() ? target : target.substring(0, end);
    }

    private static int pathEnd(String target) {
        for (int i = 0; i < target.length(); i++) {
            char c = target.charAt(i);
            if (c == '?' || c == '#') {
                return i;
            }
        }
        return target.length();
    }

    private static boolean isId(String target, int from, int to) {
        int length = to - from;
        if (length == 0) {
            return false;
        }
        boolean digits = true;
        boolean hex = true;
        for (int i = from; i < to; i++) {
            char c = target.charAt(i);
            digits &= c >= '0' && c <= '9';
            hex &= isHex(c);
        }
        return digits || (hex && length >= MIN_HEX_ID_LENGTH) || (length == UUID_LENGTH && isUuid(target, from));
    }

    private static boolean isUuid(String target, int from) {
        for (int i = 0; i < UUID_LENGTH; i++) {
            char c = target.charAt(from + i);
            boolean dash = i == 8 || i == 13 || i == 18 || i == 23;
            if (dash ? c != '-' : !isHex(c)) {
                return false;
            }
        }
        return true;
    }

    private static boolean isHex(char c) {
        return (c >= '0' && c <= '9') || (c >= 'a' && c <= 'f') || (c >= 'A' && c <= 'F');
    }
}
