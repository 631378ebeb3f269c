package io.atoll.dataaccess.store;

import io.atoll.dataaccess.domain.PostgresScopeCompiler;
import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.ResourceProvider;
import org.flywaydb.core.api.output.MigrateResult;
import org.flywaydb.core.api.resource.LoadableResource;

import java.io.Reader;
import java.io.StringReader;
import java.time.Instant;
import java.util.Arrays;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

import static java.util.Objects.requireNonNull;

/**
 * Applies the compiled scopes to a cell's core database with Flyway, as a repeatable migration after storage's own:
 * it runs again whenever the compiled SQL changes. Its history is kept apart from storage's, in the private schema's
 * own table, so that neither migration history sees the other's.
 */
public final class ScopeMigration {
    public static final String HISTORY_TABLE = "data_access_schema_history";
    private static final String SCRIPT = "R__team_scopes.sql";
    private static final Pattern CELL = Pattern.compile("[a-z0-9][a-z0-9-]{0,62}");

    private final String url;
    private final String username;
    private final String password;

    /** @param username the schema owner storage migrates as: it creates roles, schemas and policies */
    public ScopeMigration(String url, String username, String password) {
        this.url = requireNonNull(url, "url is null");
        this.username = requireNonNull(username, "username is null");
        this.password = requireNonNull(password, "password is null");
    }

    /**
     * @param compiledSql what {@link PostgresScopeCompiler} made of the scopes
     * @param cellId the cell the database belongs to, stamped on the events of the teams' writes
     */
    public MigrateResult apply(String compiledSql, String cellId) {
        requireNonNull(compiledSql, "compiledSql is null");
        if (!CELL.matcher(requireNonNull(cellId, "cellId is null")).matches()) {
            throw new IllegalArgumentException("cell id '" + cellId + "' is not of the form eu-west-1");
        }
        return Flyway.configure(ScopeMigration.class.getClassLoader())
                .dataSource(url, username, password)
                .schemas(PostgresScopeCompiler.PRIVATE_SCHEMA)
                .table(HISTORY_TABLE)
                .resourceProvider(new CompiledScript(compiledSql))
                .placeholders(Map.of(PostgresScopeCompiler.CELL_PLACEHOLDER_NAME, cellId))
                .load()
                .migrate();
    }

    /**
     * Applies the definition again although it has not changed, to take away what was changed by hand since. Flyway runs
     * a repeatable migration only when its checksum changes, so the reason is added to the script as a comment: the
     * re-run is recorded in the history with it, and the next {@link #apply} runs the definition once more, as harmless
     * as every run.
     *
     * @param reason why, on one line
     */
    public MigrateResult reapply(String compiledSql, String cellId, String reason) {
        requireNonNull(compiledSql, "compiledSql is null");
        String line = requireNonNull(reason, "reason is null").replaceAll("\\s+", " ").strip();
        return apply(compiledSql + "\n-- Applied again at " + Instant.now() + ": " + line + "\n", cellId);
    }

    /** The compiled SQL as the one script Flyway finds: it comes from the scope files, not from a folder of scripts. */
    private static final class CompiledScript implements ResourceProvider {
        private final LoadableResource script;

        CompiledScript(String sql) {
            script = new LoadableResource() {
                @Override
                public Reader read() {
                    return new StringReader(sql);
                }

                @Override
                public String getAbsolutePath() {
                    return SCRIPT;
                }

                @Override
                public String getAbsolutePathOnDisk() {
                    return SCRIPT;
                }

                @Override
                public String getFilename() {
                    return SCRIPT;
                }

                @Override
                public String getRelativePath() {
                    return SCRIPT;
                }
            };
        }

        @Override
        public LoadableResource getResource(String name) {
            return SCRIPT.equals(name) ? script : null;
        }

        @Override
        public Collection<LoadableResource> getResources(String prefix, String[] suffixes) {
            return SCRIPT.startsWith(prefix) && Arrays.stream(suffixes).anyMatch(SCRIPT::endsWith) ? List.of(script) : List.of();
        }
    }
}
