package io.atoll.router.store;

import io.atoll.router.domain.Cell;
import io.atoll.router.domain.CellRegistry;
import io.atoll.router.domain.InvalidRegistryException;
import io.micronaut.json.JsonMapper;
import io.micronaut.json.tree.JsonNode;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Reads the cell registry from the document {@code terraform output -json} prints: the output named
 * {@code cells} whose {@code value} maps a key to {@code {id, region, ingress_url, state}}. Other outputs and
 * other attributes are ignored, so that Terraform can grow them without breaking the router.
 */
public final class RegistryDocument {
    private RegistryDocument() {
    }

    public static CellRegistry parse(JsonMapper json, byte[] content) throws InvalidRegistryException {
        JsonNode root;
        try {
            root = json.readValue(content, JsonNode.class);
        } catch (IOException e) {
            throw new InvalidRegistryException("it is not valid JSON (" + firstLine(e.getMessage()) + ")");
        }
        JsonNode output = root == null || !root.isObject() ? null : root.get("cells");
        if (output == null || !output.isObject()) {
            throw new InvalidRegistryException("it has no output named \"cells\" (expected the document of `terraform output -json`)");
        }
        JsonNode value = output.get("value");
        if (value == null || !value.isObject()) {
            throw new InvalidRegistryException("output \"cells\" has no object \"value\"");
        }
        List<Cell> cells = new ArrayList<>();
        for (Map.Entry<String, JsonNode> entry : value.entries()) {
            JsonNode cell = entry.getValue();
            if (!cell.isObject()) {
                throw new InvalidRegistryException("cell \"" + entry.getKey() + "\" is not an object");
            }
            cells.add(CellRegistry.cellOf(entry.getKey(), text(cell, "id"), text(cell, "region"), text(cell, "ingress_url"), text(cell, "state")));
        }
        return CellRegistry.of(cells);
    }

    private static String text(JsonNode cell, String field) {
        JsonNode value = cell.get(field);
        return value != null && value.isString() ? value.getStringValue() : null;
    }

    private static String firstLine(String message) {
        if (message == null) {
            return "unreadable";
        }
        int newline = message.indexOf('\n');
        return newline < 0 ? message : message.substring(0, newline);
    }
}
