package io.atoll.dataaccess.config;

import io.micronaut.context.annotation.EachProperty;
import io.micronaut.context.annotation.Parameter;
import io.micronaut.core.annotation.Nullable;

import java.util.regex.Pattern;

import static java.util.Objects.requireNonNull;

/**
 * A cell's core database the audit keeps to the definition, one per {@code atoll.data-access.cells.<cell id>}.
 *
 * @param cell the cell's id, e.g. {@code eu-west-1}
 * @param url its JDBC URL, on the primary
 * @param username the schema owner storage migrates as: the definition is applied as it
 * @param password its password; none for a server that trusts local connections
 */
@EachProperty("atoll.data-access.cells")
public record CellDatabaseSettings(@Parameter String cell, String url, String username, @Nullable String password) {
    private static final Pattern JDBC_POSTGRESQL = Pattern.compile("jdbc:postgresql://\\S+");

    public CellDatabaseSettings {
        requireNonNull(cell, "cell is null");
        if (url == null || !JDBC_POSTGRESQL.matcher(url).matches()) {
            throw new IllegalArgumentException("atoll.data-access.cells." + cell + ".url must be a jdbc:postgresql:// URL, not " + url);
        }
        if (username == null || username.isBlank()) {
            throw new IllegalArgumentException("atoll.data-access.cells." + cell + ".username is not set");
        }
        password = password == null ? "" : password;
    }
}
