package io.atoll.router.domain;

import java.net.URI;
import java.net.URISyntaxException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** The cells the router knows, as one immutable, validated snapshot of the registry file. */
public final class CellRegistry {
    private final List<Cell> cells;
    private final Map<String, Cell> byId;

    private CellRegistry(List<Cell> cells, Map<String, Cell> byId) {
        this.cells = cells;
        this.byId = byId;
    }

    /** The registry of these cells: at least one, with unique ids. */
    public static CellRegistry of(List<Cell> cells) throws InvalidRegistryException {
        if (cells.isEmpty()) {
            throw new InvalidRegistryException("it lists no cells");
        }
        Map<String, Cell> byId = new LinkedHashMap<>();
        for (Cell cell : cells) {
            if (byId.putIfAbsent(cell.id(), cell) != null) {
                throw new InvalidRegistryException("cell id \"" + cell.id() + "\" appears twice");
            }
        }
        return new CellRegistry(List.copyOf(cells), Map.copyOf(byId));
    }

    /**
     * A cell from the raw values of one registry entry, checked the way an operator would want to hear about
     * a mistake: which entry, which field, what is wrong.
     */
    public static Cell cellOf(String entry, String id, String region, String ingressUrl, String state) throws InvalidRegistryException {
        String where = "cell \"" + entry + "\": ";
        return new Cell(required(where, "id", id), required(where, "region", region),
                ingressUrl(where, required(where, "ingress_url", ingressUrl)),
                CellState.parse(required(where, "state", state)).orElseThrow(() ->
                        new InvalidRegistryException(where + "state \"" + state + "\" is neither active nor draining")));
    }

    public List<Cell> cells() {
        return cells;
    }

    public Optional<Cell> cell(String id) {
        return Optional.ofNullable(byId.get(id));
    }

    private static String required(String where, String field, String value) throws InvalidRegistryException {
        if (value == null || value.isBlank()) {
            throw new InvalidRegistryException(where + field + " is missing");
        }
        return value.trim();
    }

    private static URI ingressUrl(String where, String value) throws InvalidRegistryException {
        URI url;
        try {
            url = new URI(value);
        } catch (URISyntaxException e) {
            throw new InvalidRegistryException(where + "ingress_url \"" + value + "\" is not a URL");
        }
        // The data plane speaks plain HTTP/1.1 to cells and forwards paths unchanged.
        if (!"http".equals(url.getScheme()) || url.getHost() == null || url.getRawUserInfo() != null
                || !(url.getRawPath() == null || url.getRawPath().isEmpty() || "/".equals(url.getRawPath()))
                || url.getRawQuery() != null || url.getRawFragment() != null) {
            throw new InvalidRegistryException(where + "ingress_url \"" + value + "\" is not of the form http://host[:port]");
        }
        return url;
    }
}
