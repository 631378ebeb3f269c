package io.atoll.devstack.cli;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;

import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Storage's job requests for people: a table of requests, one request with its jobs and notifications, and what
 * changed between two looks at a request (the lines `jobs scan --wait` prints). Storage's own JSON is what
 * {@code --json} prints.
 */
final class JobsView {
    /** A request in one of these is complete: its jobs are over and its summary is saved. */
    static final Set<String> COMPLETED = Set.of("succeeded", "partial", "failed");
    /** The request statuses storage lists by. */
    static final List<String> STATUSES = List.of("requested", "planned", "succeeded", "partial", "failed");
    private static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);
    private static final String LIST_ROW = "%-36s  %-15s  %-9s  %-20s  %-20s  %s%n";
    private static final String JOB_ROW = "%-36s  %-18s  %-9s  %8s  %4s  %7s  %-20s  %-20s%n";
    private static final String NOTIFICATION_ROW = "%-36s  %-12s  %-9s  %8s  %-20s  %-30s  %s%n";
    private static final int STDERR_LINES = 5;
    private static final int INLINE_JSON = 100;

    private JobsView() {
    }

    /** A page of requests, one a line, newest first as storage lists them. */
    static String list(JsonNode page) {
        StringBuilder table = new StringBuilder(String.format(LIST_ROW, "REQUEST", "KIND", "STATUS", "CREATED", "COMPLETED", "SUBJECT"));
        for (JsonNode request : page.path("items")) {
            table.append(String.format(LIST_ROW, request.path("id").asText(), request.path("kind").asText(), request.path("status").asText(),
                    time(request.path("createdAt")), time(request.path("completedAt")), request.path("subjectId").asText()));
        }
        return withoutTrailingSpace(table);
    }

    /**
     * One request: its own fields, then its jobs (with the last lines of the stderr of each that has not succeeded)
     * and its notifications.
     */
    static String request(JsonNode request) {
        StringBuilder text = new StringBuilder();
        field(text, "request", request.path("id").asText());
        field(text, "kind", request.path("kind").asText());
        field(text, "status", request.path("status").asText());
        field(text, "subject", request.path("subjectId").asText());
        field(text, "member", orDash(request.path("memberId")));
        field(text, "created", time(request.path("createdAt")));
        field(text, "updated", time(request.path("updatedAt")));
        field(text, "completed", time(request.path("completedAt")));
        field(text, "spec", json(request.path("spec")));
        field(text, "summary", json(request.path("summary")));
        JsonNode jobs = request.path("jobs");
        text.append('\n').append("jobs: ").append(jobs.size()).append(jobs.isEmpty() ? " (not planned yet)" : "").append('\n');
        if (!jobs.isEmpty()) {
            text.append(String.format(JOB_ROW, "JOB", "KIND", "STATUS", "ATTEMPTS", "EXIT", "TIMEOUT", "STARTED", "FINISHED"));
            for (JsonNode job : jobs) {
                text.append(String.format(JOB_ROW, job.path("id").asText(), job.path("kind").asText(), job.path("status").asText(),
                        job.path("attempts").asInt(), orDash(job.path("exitCode")),
                        job.path("timeoutSeconds").isNumber() ? job.path("timeoutSeconds").asInt() + "s" : "-",
                        time(job.path("startedAt")), time(job.path("finishedAt"))));
            }
            for (JsonNode job : jobs) {
                String stderr = job.path("stderr").asText("");
                if (!"succeeded".equals(job.path("status").asText()) && !stderr.isBlank()) {
                    List<String> lines = stderr.strip().lines().toList();
                    text.append("stderr of ").append(label(job)).append(lines.size() > STDERR_LINES ? " (last " + STDERR_LINES + " lines)" : "")
                            .append(":\n");
                    lines.subList(Math.max(0, lines.size() - STDERR_LINES), lines.size()).forEach(line -> text.append("  ").append(line).append('\n'));
                }
            }
        }
        JsonNode notifications = request.path("notifications");
        text.append('\n').append("notifications: ").append(notifications.size()).append('\n');
        if (!notifications.isEmpty()) {
            text.append(String.format(NOTIFICATION_ROW, "NOTIFICATION", "CHANNEL", "STATUS", "ATTEMPTS", "UPDATED", "TARGET", "LAST ERROR"));
            for (JsonNode notification : notifications) {
                text.append(String.format(NOTIFICATION_ROW, notification.path("id").asText(), notification.path("channel").asText(),
                        notification.path("status").asText(), notification.path("attempts").asInt(), time(notification.path("updatedAt")),
                        notification.path("target").asText(), orDash(notification.path("lastError")).replace('\n', ' ')));
            }
        }
        return withoutTrailingSpace(text);
    }

    /** Columns padded to their width, but no line ending in spaces. */
    private static String withoutTrailingSpace(CharSequence text) {
        return text.toString().lines().map(String::stripTrailing).collect(Collectors.joining("\n", "", "\n"));
    }

    /**
     * What changed from one look at a request to the next, a line each: its status; each job that appeared or whose
     * status or attempts changed; each notification that appeared or whose status changed. {@code before} is
     * {@code null} at the first look, when everything is new.
     */
    static List<String> changes(JsonNode before, JsonNode after) {
        List<String> lines = new ArrayList<>();
        String status = after.path("status").asText();
        if (before == null || !status.equals(before.path("status").asText())) {
            lines.add("request " + status + ("planned".equals(status) ? ": " + after.path("jobs").size() + " jobs" : ""));
        }
        Map<String, JsonNode> jobsBefore = byId(before == null ? null : before.path("jobs"));
        for (JsonNode job : after.path("jobs")) {
            JsonNode was = jobsBefore.get(job.path("id").asText());
            if (was == null || !was.path("status").equals(job.path("status")) || !was.path("attempts").equals(job.path("attempts"))) {
                lines.add("job " + label(job) + ": " + jobState(job));
            }
        }
        Map<String, JsonNode> notificationsBefore = byId(before == null ? null : before.path("notifications"));
        for (JsonNode notification : after.path("notifications")) {
            JsonNode was = notificationsBefore.get(notification.path("id").asText());
            if (was == null || !was.path("status").equals(notification.path("status"))) {
                String error = notification.path("lastError").asText("");
                lines.add("notification " + notification.path("channel").asText() + " " + notification.path("target").asText() + ": "
                        + notification.path("status").asText() + " (attempt " + notification.path("attempts").asInt() + ")"
                        + (error.isBlank() ? "" : ": " + error.strip().replace('\n', ' ')));
            }
        }
        return lines;
    }

    /** Storage's answer as it is, indented, for programs. */
    static String pretty(JsonNode answer) {
        try {
            return JSON.writeValueAsString(answer) + "\n";
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("storage's answer is not serialisable", e);
        }
    }

    private static String jobState(JsonNode job) {
        String status = job.path("status").asText();
        int attempts = job.path("attempts").asInt();
        return switch (status) {
            case "running" -> "running (attempt " + attempts + ")";
            case "pending" -> attempts == 0 ? "pending"
                    : "pending again after attempt " + attempts + (job.path("exitCode").isNumber() ? " exited " + job.path("exitCode").asInt() : "");
            default -> status + (job.path("exitCode").isNumber() ? " (exit code " + job.path("exitCode").asInt() + ")" : "")
                    + (attempts > 1 ? " after " + attempts + " attempts" : "");
        };
    }

    /** A job by its kind, the directory it scans when it has one, and the start of its id. */
    private static String label(JsonNode job) {
        String id = job.path("id").asText();
        String directory = job.path("spec").path("directory").asText("");
        return job.path("kind").asText() + (directory.isEmpty() ? "" : " " + directory) + " " + id.substring(0, Math.min(8, id.length()));
    }

    private static Map<String, JsonNode> byId(JsonNode items) {
        Map<String, JsonNode> byId = new HashMap<>();
        if (items != null) {
            items.forEach(item -> byId.put(item.path("id").asText(), item));
        }
        return byId;
    }

    private static void field(StringBuilder text, String name, String value) {
        text.append(String.format("%-10s %s%n", name, value));
    }

    /** Short JSON on the line; longer JSON indented on the lines below. */
    private static String json(JsonNode value) {
        if (value.isMissingNode() || value.isNull()) {
            return "-";
        }
        String compact = value.toString();
        return compact.length() <= INLINE_JSON ? compact : "\n" + pretty(value).stripTrailing().indent(2).stripTrailing();
    }

    private static String orDash(JsonNode value) {
        return value.isMissingNode() || value.isNull() || value.asText().isEmpty() ? "-" : value.asText();
    }

    /** An instant to the second, as storage's ISO-8601 gives it; anything else as it came. */
    static String time(JsonNode value) {
        if (value.isMissingNode() || value.isNull()) {
            return "-";
        }
        String text = value.asText();
        try {
            return OffsetDateTime.parse(text).toInstant().truncatedTo(ChronoUnit.SECONDS).toString();
        } catch (DateTimeParseException notATime) {
            return text;
        }
    }
}
