package io.atoll.devstack.cli;

import io.atoll.dataaccess.domain.ScopeDefinitionException;
import io.atoll.dataaccess.domain.Scopes;
import io.atoll.dataaccess.domain.TeamGuide;
import io.atoll.dataaccess.store.TeamLogins;
import io.atoll.devstack.platform.PlatformException;
import io.atoll.devstack.platform.PlatformSettings;
import io.atoll.devstack.server.postgres.PostgresServer;
import io.atoll.devstack.server.trino.TrinoServer;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.sql.SQLException;
import java.util.Map;
import java.util.concurrent.Callable;

/**
 * {@code atoll data grant|revoke}: a person's login of a data team, in a cell's core database and in Trino at once.
 * Locally the cells' core databases share one primary, whose roles are the server's: a login granted in one cell can
 * open the other's database too, where it has no attributes (and so, for a row-limited team, no rows).
 */
@Command(name = "data", description = "Gives people of the data teams (logistics, sales, analytics) their logins, or takes them back.",
        subcommands = {DataCommand.Grant.class, DataCommand.Revoke.class})
final class DataCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Override
    public Integer call() {
        spec.commandLine().getErr().println("atoll data: grant or revoke is missing (see atoll data --help)");
        return 2;
    }

    /** What both commands name. */
    static final class Person {
        @Mixin
        StateDirOption state;

        @Option(names = "--team", required = true, paramLabel = "TEAM", description = "The person's team, one of data-access/scopes/*.yaml.")
        String team;

        @Option(names = "--user", required = true, paramLabel = "LOGIN", description = "The person's login: lower-case letters, digits and '_'.")
        String user;

        @Option(names = "--cell", required = true, paramLabel = "CELL", description = "The cell whose core database the login is for, e.g. eu-west-1.")
        String cell;

        PlatformSettings settings() {
            PlatformSettings settings = state.settings();
            if (!settings.regions().contains(cell)) {
                throw new PlatformException("no cell '" + cell + "' in this platform; its cells are " + String.join(", ", settings.regions()));
            }
            return settings;
        }

        TeamLogins logins(PlatformSettings settings) {
            PostgresServer primary = settings.coreDatabases().primaryServer();
            return new TeamLogins(scopes(), primary.jdbcUrl(TeamGuide.coreDatabase(cell)), primary.user(), "");
        }

        private static Scopes scopes() {
            Path directory = PlatformOptions.scopesDirectory();
            try {
                return Scopes.load(directory);
            } catch (ScopeDefinitionException e) {
                throw new PlatformException(e.getMessage(), e);
            }
        }
    }

    @Command(name = "grant", description = "Creates a person's login of a team (or gives an existing one a new password and attributes) "
            + "in a cell's core database and in Trino; prints the password once and keeps it in the state folder for `atoll sql`.")
    static final class Grant implements Callable<Integer> {
        @Mixin
        Person person;

        @Option(names = "--region", paramLabel = "REGION", description = "For logistics: the warehouse region whose orders the person ships.")
        String region;

        @Option(names = "--password-stdin", description = "Read the password from the first line of standard input instead of making one.")
        boolean passwordStdin;

        @Spec
        CommandSpec spec;

        @Override
        public Integer call() throws IOException {
            PlatformSettings settings = person.settings();
            String password = passwordStdin ? firstLineOfStdin() : TeamLoginStore.newPassword();
            Map<String, String> attributes = region == null ? Map.of() : Map.of("region", region);
            try {
                person.logins(settings).grant(person.team, person.user, password, attributes);
            } catch (IllegalArgumentException e) {
                throw new PlatformException(e.getMessage(), e);
            } catch (SQLException e) {
                throw unreachable(settings, e);
            }
            TrinoServer trino = settings.trino();
            trino.logins().grant(person.user, password, person.team);
            TeamLoginStore store = new TeamLoginStore(settings.stateDir());
            store.keep(person.user, password);
            var out = spec.commandLine().getOut();
            out.println(person.user + ": a login of " + person.team + (region == null ? "" : " (region " + region + ")") + " in "
                    + TeamGuide.coreDatabase(person.cell) + " on " + settings.coreDatabases().primary() + " and its replica "
                    + settings.coreDatabases().replica() + ", and in Trino at " + trino.httpsUrl());
            if (!passwordStdin) {
                out.println("password: " + password);
            }
            out.println("kept for `atoll sql` in " + store.fileOf(person.user));
            return 0;
        }

        private static String firstLineOfStdin() throws IOException {
            String line = new BufferedReader(new InputStreamReader(System.in, StandardCharsets.UTF_8)).readLine();
            if (line == null || line.isBlank()) {
                throw new PlatformException("--password-stdin: no password on standard input");
            }
            return line.strip();
        }
    }

    @Command(name = "revoke", description = "Takes a person's login away from the core databases' server and from Trino.")
    static final class Revoke implements Callable<Integer> {
        @Mixin
        Person person;

        @Spec
        CommandSpec spec;

        @Override
        public Integer call() throws IOException {
            PlatformSettings settings = person.settings();
            try {
                person.logins(settings).revoke(person.team, person.user);
            } catch (IllegalArgumentException e) {
                throw new PlatformException(e.getMessage(), e);
            } catch (SQLException e) {
                throw unreachable(settings, e);
            }
            settings.trino().logins().revoke(person.user);
            new TeamLoginStore(settings.stateDir()).forget(person.user);
            spec.commandLine().getOut().println(person.user + ": no longer a login of " + person.team + ", in PostgreSQL or in Trino");
            return 0;
        }
    }

    private static PlatformException unreachable(PlatformSettings settings, SQLException e) {
        return new PlatformException("the core primary at " + settings.coreDatabases().primary() + " did not take it: "
                + e.getMessage().lines().findFirst().orElse(e.toString()) + " (is the platform up? ./atoll status)", e);
    }
}
