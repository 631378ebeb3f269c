package io.atoll.devstack.cli;

import io.atoll.dataaccess.domain.ScopeDefinitionException;
import io.atoll.dataaccess.domain.Scopes;
import io.atoll.dataaccess.domain.Sessions;
import io.atoll.dataaccess.domain.TeamGuide;
import io.atoll.dataaccess.domain.TeamScope;
import io.atoll.devstack.platform.PlatformException;
import io.atoll.devstack.platform.PlatformSettings;
import io.atoll.devstack.server.Endpoint;
import io.atoll.devstack.server.ServerClasspath;
import io.atoll.devstack.server.trino.TrinoServer;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;

/**
 * {@code atoll sql}: a SQL session as a person `atoll data grant` made, with the standard clients: psql on the cell's
 * core database (its replica for a team kept to replicas), or the Trino CLI over HTTPS.
 */
@Command(name = "sql", description = "Opens a SQL session as a person of a data team: psql on a cell's core database, or the Trino CLI "
        + "with --trino. The password is the one `atoll data grant` kept.")
final class SqlCommand implements Callable<Integer> {
    @Mixin
    StateDirOption state;

    @Option(names = "--team", required = true, paramLabel = "TEAM", description = "The person's team: its schema is the session's.")
    String team;

    @Option(names = "--user", required = true, paramLabel = "LOGIN", description = "The person's login.")
    String user;

    @Option(names = "--cell", paramLabel = "CELL", description = "The cell whose core database to open (default: the platform's first).")
    String cell;

    @Option(names = "--trino", description = "Through Trino (every cell's catalog) rather than psql on the cell's database.")
    boolean trino;

    @Option(names = {"-c", "--command"}, paramLabel = "SQL", description = "Run this one statement and exit, instead of a session.")
    String command;

    @Override
    public Integer call() throws IOException, InterruptedException {
        PlatformSettings settings = state.settings();
        String chosenCell = cell != null ? cell : settings.regions().get(0);
        if (!settings.regions().contains(chosenCell)) {
            throw new PlatformException("no cell '" + chosenCell + "' in this platform; its cells are " + String.join(", ", settings.regions()));
        }
        TeamScope scope = team();
        String password = new TeamLoginStore(settings.stateDir()).password(user)
                .orElseThrow(() -> new PlatformException("no password of " + user + " is kept here: grant the login with `atoll data grant`"));
        String database = TeamGuide.coreDatabase(chosenCell);
        ProcessBuilder client = trino ? trino(settings.trino(), database, scope) : psql(settings, database, scope);
        client.environment().put(trino ? "TRINO_PASSWORD" : "PGPASSWORD", password);
        try {
            return client.inheritIO().start().waitFor();
        } catch (IOException e) {
            throw new PlatformException("could not run " + client.command().get(0) + ": " + e.getMessage()
                    + (trino ? "" : " (psql comes with PostgreSQL's client: apt-get install postgresql-client)"), e);
        }
    }

    private ProcessBuilder psql(PlatformSettings settings, String database, TeamScope scope) {
        Endpoint server = scope.sessions() == Sessions.REPLICA_ONLY ? settings.coreDatabases().replica() : settings.coreDatabases().primary();
        List<String> arguments = new ArrayList<>(List.of("psql", "host=" + server.host() + " port=" + server.port() + " dbname=" + database
                + " user=" + user + " options=-csearch_path=" + scope.team()));
        if (command != null) {
            arguments.addAll(List.of("-v", "ON_ERROR_STOP=1", "-c", command));
        }
        return new ProcessBuilder(arguments);
    }

    private ProcessBuilder trino(TrinoServer server, String database, TeamScope scope) throws IOException {
        String cli = ServerClasspath.read("atoll/trino-cli.jar", "the Trino CLI");
        List<String> arguments = new ArrayList<>(List.of(ProcessHandle.current().info().command().orElse("java")));
        if (command != null) {
            // One statement, no terminal to draw on: without this the CLI warns on every run that it found none.
            arguments.add("-Dorg.jline.terminal.dumb=true");
        }
        arguments.addAll(List.of("-jar", cli, "--server", server.httpsUrl().toString(), "--truststore-path", server.certificate().toString(),
                "--user", user, "--password", "--catalog", database, "--schema", scope.team()));
        if (command != null) {
            arguments.addAll(List.of("--execute", command));
        }
        return new ProcessBuilder(arguments);
    }

    private TeamScope team() {
        try {
            return Scopes.load(PlatformOptions.scopesDirectory()).teams().stream().filter(scope -> scope.team().equals(team)).findFirst()
                    .orElseThrow(() -> new PlatformException("no team '" + team + "'"));
        } catch (ScopeDefinitionException e) {
            throw new PlatformException(e.getMessage(), e);
        }
    }
}
