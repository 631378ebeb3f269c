package io.atoll.devstack.server.trino;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.regex.Pattern;

import static java.util.Objects.requireNonNull;

/**
 * A PostgreSQL catalog of the Trino: a cell's core database as one of its replicas serves it (any JDBC URL until the
 * replicas run), read as one PostgreSQL login; who may read what through it is Trino's access rules' business.
 *
 * @param name the catalog's name in Trino, e.g. {@code core_eu_west_1}
 */
public record TrinoCatalog(String name, String jdbcUrl, String user, String password) {
    private static final Pattern NAME = Pattern.compile("[a-z][a-z0-9_]{0,62}");

    public TrinoCatalog {
        requireName(name);
        requireNonNull(jdbcUrl, "jdbcUrl is null");
        requireNonNull(user, "user is null");
        requireNonNull(password, "password is null");
        if (!jdbcUrl.startsWith("jdbc:postgresql://")) {
            throw new IllegalArgumentException("catalog " + name + ": '" + jdbcUrl + "' is not a PostgreSQL JDBC URL");
        }
    }

    /** @return {@code name}, when it is a name Trino takes for a catalog unquoted */
    public static String requireName(String name) {
        requireNonNull(name, "name is null");
        if (!NAME.matcher(name).matches()) {
            throw new IllegalArgumentException("catalog '" + name + "' is not a lower-case Trino name");
        }
        return name;
    }

    /** The catalog's properties, as its file holds them and as {@code CREATE CATALOG ... WITH} takes them. */
    public Map<String, String> properties() {
        Map<String, String> properties = new LinkedHashMap<>();
        properties.put("connection-url", jdbcUrl);
        properties.put("connection-user", user);
        properties.put("connection-password", password);
        // The teams' views sum prices and weights into numeric of no stated precision, which Trino would otherwise
        // leave out of the relation: read as decimal(38, 6), exact for every sum a scope makes.
        properties.put("decimal-mapping", "allow_overflow");
        properties.put("decimal-default-scale", "6");
        properties.put("decimal-rounding-mode", "HALF_UP");
        return properties;
    }

    /** The connector every catalog of this kind uses. */
    public static String connector() {
        return "postgresql";
    }
}
