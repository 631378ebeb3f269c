package io.atoll.cell.contracts.problem;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * What a client is told about a request the server could not read. The framework's messages name the server's
 * own classes ("… during deserialization of type: io.atoll…"), which mean nothing to a client and tell an attacker
 * how the service is built; the client is told which field, never which class.
 */
final class ClientReasons {
    private static final Pattern UNKNOWN_PROPERTY = Pattern.compile("Unknown property \\[([^\\]]*)]");
    private static final Pattern UNDECODABLE_PROPERTY = Pattern.compile("Error decoding property \\[(?:[^\\]]*\\s)?([^\\s\\]]+)]");
    /** The JSON reader's message when a value is not of the kind the field takes; it names no field, only a place. */
    private static final Pattern WRONG_TOKEN = Pattern.compile("Unexpected token.*?line: (\\d+), column: (\\d+)", Pattern.DOTALL);
    /** A qualified Java name ({@code java.lang.String}, {@code io.atoll.cell.X$Y}) or an exception's simple name. */
    private static final Pattern JAVA_NAME = Pattern.compile("\\b[a-z][a-z0-9_]*(\\.[a-z0-9_]+)*\\.[A-Z][\\w$]*|\\b\\w*Exception\\b");
    private static final String UNREADABLE = "The request body is not the JSON this request takes.";

    private ClientReasons() {
    }

    /** The reason to give the client for this message of the framework's. */
    static String of(String message) {
        if (message == null || message.isBlank()) {
            return UNREADABLE;
        }
        Matcher unknown = UNKNOWN_PROPERTY.matcher(message);
        if (unknown.find()) {
            return "Unknown field '" + unknown.group(1) + "'.";
        }
        Matcher undecodable = UNDECODABLE_PROPERTY.matcher(message);
        if (undecodable.find()) {
            return "Field '" + undecodable.group(1) + "' has a value of the wrong kind.";
        }
        Matcher wrongToken = WRONG_TOKEN.matcher(message);
        if (wrongToken.find()) {
            return "A value of the wrong kind at line " + wrongToken.group(1) + ", column " + wrongToken.group(2) + " of the body.";
        }
        return JAVA_NAME.matcher(message).find() || message.contains("deserializ") ? UNREADABLE : message;
    }
}
