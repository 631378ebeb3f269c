package io.atoll.devstack.cli;

import io.atoll.dataaccess.domain.PostgresLoginRulesCompiler;
import io.atoll.dataaccess.domain.PostgresScopeCompiler;
import io.atoll.dataaccess.domain.ScopeDefinitionException;
import io.atoll.dataaccess.domain.Scopes;
import io.atoll.dataaccess.domain.TrinoRulesCompiler;
import io.atoll.dataaccess.store.ScopeMigration;
import io.atoll.devstack.platform.PlatformException;
import io.atoll.devstack.platform.TeamScopes;
import org.flywaydb.core.api.FlywayException;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;

import static java.util.Objects.requireNonNull;

/**
 * The scope files of the checkout, read each time they are asked for, so that `up` always applies the files as they are.
 * Public for the e2e platform, which applies them as `up` does.
 */
public final class RepositoryTeamScopes implements TeamScopes {
    private final Path directory;

    public RepositoryTeamScopes(Path directory) {
        this.directory = requireNonNull(directory, "directory is null");
    }

    @Override
    public List<String> primaryLoginRules() {
        return PostgresLoginRulesCompiler.primaryRules(scopes());
    }

    @Override
    public List<String> replicaLoginRules() {
        return PostgresLoginRulesCompiler.replicaRules(scopes());
    }

    /** One cell at a time: the cells' core databases share the server's (cluster-wide) team roles, which two runs would race on. */
    @Override
    public synchronized void apply(String jdbcUrl, String user, String password, String cellId) throws IOException {
        try {
            new ScopeMigration(jdbcUrl, user, password).apply(PostgresScopeCompiler.compile(scopes()), cellId);
        } catch (FlywayException e) {
            throw new IOException(cellId + ": the teams' scopes could not be applied to " + jdbcUrl + ": " + rootCause(e), e);
        }
    }

    /** Flyway's own message is a multi-line report; the database's refusal at its root says it in a line. */
    private static String rootCause(Throwable failure) {
        Throwable root = failure;
        while (root.getCause() != null) {
            root = root.getCause();
        }
        return String.valueOf(root.getMessage()).lines().filter(line -> !line.isBlank()).findFirst().orElse(root.toString());
    }

    @Override
    public String trinoRules(List<String> catalogs) {
        return TrinoRulesCompiler.compile(scopes(), catalogs);
    }

    private Scopes scopes() {
        try {
            return Scopes.load(directory);
        } catch (ScopeDefinitionException e) {
            throw new PlatformException(e.getMessage(), e);
        }
    }
}
