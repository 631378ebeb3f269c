package io.atoll.cell.workers.notify;

/** Receivers refuse text above their limits (Slack's blocks, GitHub's status description); ours is cut to fit. */
final class TextLimits {
    private TextLimits() {
    }

    /** The text itself when it fits, else its start and an ellipsis, {@code limit} characters in all. */
    static String shortened(String text, int limit) {
        if (text.length() <= limit) {
            return text;
        }
        int end = limit - 1;
        // Never split a surrogate pair: half an emoji is not valid text.
        if (Character.isHighSurrogate(text.charAt(end - 1))) {
            end--;
        }
        return text.substring(0, end) + "…";
    }
}
