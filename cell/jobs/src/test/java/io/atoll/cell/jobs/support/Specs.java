package io.atoll.cell.jobs.support;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.atoll.cell.jobs.JobSpec;

import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;

/** Job specs built from field names and values, the way the workers write them. */
public final class Specs {
    private static final ObjectMapper JSON = new ObjectMapper();

    private Specs() {
    }

    /** A spec of alternating field names and values; paths are written as strings. */
    public static JobSpec spec(Object... namesAndValues) {
        return new JobSpec(JSON.valueToTree(fields(namesAndValues)));
    }

    /** The same spec as JSON text. */
    public static String json(Object... namesAndValues) {
        try {
            return JSON.writeValueAsString(fields(namesAndValues));
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException(e);
        }
    }

    /** Reads a result printed by a job. */
    public static ObjectNode result(String json) {
        try {
            return (ObjectNode) JSON.readTree(json);
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException("not a JSON object: " + json, e);
        }
    }

    private static Map<String, Object> fields(Object... namesAndValues) {
        Map<String, Object> fields = new LinkedHashMap<>();
        for (int index = 0; index < namesAndValues.length; index += 2) {
            Object value = namesAndValues[index + 1];
            fields.put((String) namesAndValues[index], value instanceof Path ? value.toString() : value);
        }
        return fields;
    }
}
