package io.atoll.devstack.cli;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import io.atoll.devstack.platform.ComponentStatus;

import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/** Renders the platform's status for people (a table) and for programs (JSON). */
final class StatusView {
    private static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

    private StatusView() {
    }

    static String table(List<ComponentStatus> components) {
        StringBuilder table = new StringBuilder(String.format("%-20s %-22s %-10s %-6s %-8s %s%n", "COMPONENT", "ADDRESS", "STATE", "OWNED", "PID", "LOG"));
        for (ComponentStatus component : components) {
            table.append(String.format("%-20s %-22s %-10s %-6s %-8s %s%n",
                    component.name(),
                    component.endpoint(),
                    state(component),
                    component.owned() ? "yes" : "no",
                    component.pid().isPresent() ? Long.toString(component.pid().getAsLong()) : "-",
                    component.log().map(Path::toString).orElse("-")));
            if (!component.details().isEmpty()) {
                table.append("  ").append(details(component)).append('\n');
            }
        }
        return table.toString();
    }

    /** What a component reports beside its state, in one line: {@code name: value, ...}. */
    static String details(ComponentStatus component) {
        return component.details().entrySet().stream().map(detail -> detail.getKey() + ": " + detail.getValue())
                .collect(Collectors.joining(", "));
    }

    /** A component that is not ready, in a few words: its name, its state and where to look. */
    static String problem(ComponentStatus component) {
        return component.name() + " (" + state(component) + component.log().map(log -> ", log: " + log).orElse("") + ")";
    }

    static String state(ComponentStatus component) {
        return component.state().name().toLowerCase().replace('_', '-');
    }

    static String json(Path stateDir, List<ComponentStatus> components) {
        Map<String, Object> document = new LinkedHashMap<>();
        document.put("stateDir", stateDir.toString());
        document.put("components", components.stream().map(StatusView::jsonOf).toList());
        try {
            return JSON.writeValueAsString(document);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("status is not serialisable", e);
        }
    }

    private static Map<String, Object> jsonOf(ComponentStatus component) {
        Map<String, Object> entry = new LinkedHashMap<>();
        entry.put("name", component.name());
        entry.put("address", component.endpoint().toString());
        entry.put("host", component.endpoint().host());
        entry.put("port", component.endpoint().port());
        entry.put("state", state(component));
        entry.put("owned", component.owned());
        entry.put("pid", component.pid().isPresent() ? component.pid().getAsLong() : null);
        entry.put("log", component.log().map(Path::toString).orElse(null));
        if (!component.details().isEmpty()) {
            entry.put("details", component.details());
        }
        return entry;
    }
}
