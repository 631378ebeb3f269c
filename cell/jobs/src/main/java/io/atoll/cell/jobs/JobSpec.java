package io.atoll.cell.jobs;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;

import java.io.IOException;
import java.math.BigDecimal;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import static java.util.Objects.requireNonNull;

/**
 * A job's spec: the one JSON object given on standard input. Each accessor checks its field and answers a bad one
 * with an {@link InvalidJobInputException} that names it. Fields a job does not know are ignored.
 */
public final class JobSpec {
    private static final ObjectMapper JSON = new ObjectMapper()
            .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS);

    private final ObjectNode fields;

    public JobSpec(ObjectNode fields) {
        this.fields = requireNonNull(fields, "fields is null").deepCopy();
    }

    /** Reads a spec, which must be exactly one JSON object. */
    public static JobSpec parse(byte[] json) {
        requireNonNull(json, "json is null");
        JsonNode root;
        try {
            root = JSON.readTree(json);
        } catch (JsonProcessingException e) {
            throw new InvalidJobInputException("the spec is not valid JSON: " + e.getOriginalMessage());
        } catch (IOException e) {
            throw new InvalidJobInputException("the spec could not be read: " + e.getMessage());
        }
        if (root == null || !root.isObject()) {
            throw new InvalidJobInputException("the spec must be one JSON object on standard input");
        }
        return new JobSpec((ObjectNode) root);
    }

    /** A required, non-blank string. */
    public String text(String name) {
        JsonNode value = fields.get(name);
        if (value == null || !value.isTextual() || value.asText().isBlank()) {
            throw new InvalidJobInputException("spec field \"" + name + "\" must be a non-blank string");
        }
        return value.asText();
    }

    /** A required file system path. */
    public Path path(String name) {
        String text = text(name);
        try {
            return Path.of(text);
        } catch (InvalidPathException e) {
            throw new InvalidJobInputException("spec field \"" + name + "\" is not a usable path: " + e.getReason());
        }
    }

    /** A required number between {@code min} and {@code max}, inclusive, kept exactly as written. */
    public BigDecimal number(String name, BigDecimal min, BigDecimal max) {
        JsonNode value = fields.get(name);
        if (value == null || !value.isNumber()
                || value.decimalValue().compareTo(min) < 0 || value.decimalValue().compareTo(max) > 0) {
            throw new InvalidJobInputException(
                    "spec field \"" + name + "\" must be a number from " + min.toPlainString() + " to " + max.toPlainString());
        }
        return value.decimalValue();
    }

    /** A required, non-empty array of at most {@code maxCount} distinct integers, each from {@code min} to {@code max}. */
    public List<Integer> distinctIntegers(String name, int min, int max, int maxCount) {
        JsonNode value = fields.get(name);
        String expected = "spec field \"" + name + "\" must be an array of 1 to " + maxCount
                + " distinct integers, each from " + min + " to " + max;
        if (value == null || !value.isArray() || value.isEmpty() || value.size() > maxCount) {
            throw new InvalidJobInputException(expected);
        }
        List<Integer> integers = new ArrayList<>();
        for (JsonNode element : value) {
            if (!element.canConvertToInt() || !element.isIntegralNumber()
                    || element.intValue() < min || element.intValue() > max || integers.contains(element.intValue())) {
                throw new InvalidJobInputException(expected);
            }
            integers.add(element.intValue());
        }
        return List.copyOf(integers);
    }
}
