package io.atoll.cell.workers.runner.kubernetes;

import io.micronaut.core.type.Argument;
import io.micronaut.json.JsonMapper;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;

import static java.util.Objects.requireNonNull;

/**
 * A job container's log taken apart again. Kubernetes keeps a container's standard output and standard error as one
 * log; the job program prints only its result, one JSON object, on standard output, so the last line that is a JSON
 * object is taken for the result and every other line for standard error.
 *
 * @param stdout the result's line, or empty when no line is a JSON object
 * @param stderr the other lines, at most {@value #STDERR_CHARS} characters (the end, when there were more)
 */
record ContainerLog(String stdout, String stderr) {
    static final int STDERR_CHARS = 64 * 1024;

    ContainerLog {
        requireNonNull(stdout, "stdout is null");
        requireNonNull(stderr, "stderr is null");
    }

    static ContainerLog of(String log, JsonMapper json) {
        List<String> lines = new ArrayList<>(log.lines().toList());
        for (int i = lines.size() - 1; i >= 0; i--) {
            if (isJsonObject(lines.get(i), json)) {
                String result = lines.remove(i).strip();
                return new ContainerLog(result, lastChars(lines));
            }
        }
        return new ContainerLog("", lastChars(lines));
    }

    private static boolean isJsonObject(String line, JsonMapper json) {
        String candidate = line.strip();
        if (!candidate.startsWith("{") || !candidate.endsWith("}")) {
            return false;
        }
        try {
            json.readValue(candidate, Argument.mapOf(String.class, Object.class));
            return true;
        } catch (IOException | RuntimeException notJson) {
            return false;
        }
    }

    private static String lastChars(List<String> lines) {
        String text = lines.isEmpty() ? "" : String.join("\n", lines) + "\n";
        return text.length() <= STDERR_CHARS ? text : text.substring(text.length() - STDERR_CHARS);
    }
}
