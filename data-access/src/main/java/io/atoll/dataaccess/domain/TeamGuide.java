package io.atoll.dataaccess.domain;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import static java.util.Objects.requireNonNull;

/**
 * A team's guide (Markdown): how its people get a login and connect, and what they may read and change, written from
 * the team's scope so that the page says what the databases enforce and nothing else.
 */
public final class TeamGuide {
    private final TeamScope team;
    private final Addresses addresses;
    private final StringBuilder page = new StringBuilder();

    /**
     * Where people connect, locally.
     *
     * @param primary {@code host:port} of the cells' core primary
     * @param replica {@code host:port} of its read replica
     * @param trino {@code host:port} of Trino's HTTPS endpoint
     * @param cells the cells, e.g. {@code eu-west-1}; the first is the guide's example
     */
    public record Addresses(String primary, String replica, String trino, List<String> cells) {
        public Addresses {
            requireNonNull(primary, "primary is null");
            requireNonNull(replica, "replica is null");
            requireNonNull(trino, "trino is null");
            cells = List.copyOf(cells);
            if (cells.isEmpty()) {
                throw new IllegalArgumentException("at least one cell is needed");
            }
        }
    }

    private TeamGuide(TeamScope team, Addresses addresses) {
        this.team = requireNonNull(team, "team is null");
        this.addresses = requireNonNull(addresses, "addresses is null");
    }

    public static String render(TeamScope team, Addresses addresses) {
        return new TeamGuide(team, addresses).page();
    }

    /** The database a cell's core data is in, which is also the name of the cell's Trino catalog. */
    public static String coreDatabase(String cell) {
        return "core_" + cell.replace('-', '_');
    }

    private String page() {
        String name = team.team();
        line("# The " + name + " team's SQL access");
        line("");
        line(team.description());
        line("");
        line("Written from `data-access/scopes/" + name + ".yaml` by `TeamGuide`: change the scope file, and this page with it "
                + "(`./mvnw -pl data-access test -Dtest=TeamGuidesTest -Datoll.guides.write=true`).");
        gettingALogin();
        connecting();
        reading();
        changing();
        return page.toString();
    }

    private void gettingALogin() {
        String name = team.team();
        String cell = addresses.cells().get(0);
        StringBuilder grant = new StringBuilder("./atoll data grant --team " + name + " --user ana");
        team.attributes().keySet().forEach(attribute -> grant.append(" --").append(attribute).append(" ").append(cell));
        grant.append(" --cell ").append(cell);
        line("");
        line("## Getting a login");
        line("");
        line("An operator grants each person a login of their own, in a cell's core database and in Trino at once, and takes it "
                + "back the same way; the password is printed once:");
        line("");
        line("```");
        line(grant.toString());
        line("./atoll data revoke --team " + name + " --user ana --cell " + cell);
        line("./atoll sql --team " + name + " --user ana            # a session as ana: psql, or the Trino CLI with --trino");
        line("```");
        if (!team.attributes().isEmpty()) {
            line("");
            line("A login of the team is given:");
            line("");
            team.attributes().forEach((attribute, meaning) -> line("- `--" + attribute + "`: " + meaning));
        }
    }

    private void connecting() {
        String name = team.team();
        String database = coreDatabase(addresses.cells().get(0));
        boolean replicaOnly = team.sessions() == Sessions.REPLICA_ONLY;
        String postgres = replicaOnly ? addresses.replica() : addresses.primary();
        String[] hostPort = postgres.split(":");
        line("");
        line("## Connecting");
        line("");
        if (replicaOnly) {
            line("The team's people work on the read replicas only: each cell's primary refuses their logins by its own login "
                    + "rules (`pg_hba.conf`), whatever they were granted. Locally the replica is `" + addresses.replica()
                    + "`; Trino reads the replicas too.");
        } else {
            line("The team's people work on a cell's primary (`" + addresses.primary() + "` locally), where their changes are "
                    + "made, or read on its replica (`" + addresses.replica() + "`) and through Trino.");
        }
        line("");
        line("| with | connect to |");
        line("|---|---|");
        line("| psql | `psql \"host=" + hostPort[0] + " port=" + hostPort[1] + " dbname=" + database + " user=ana\"` |");
        line("| JDBC (PostgreSQL driver) | `jdbc:postgresql://" + postgres + "/" + database + "?user=ana&currentSchema=" + name + "` |");
        line("| Trino CLI | `trino --server https://" + addresses.trino() + " --user ana --password --catalog " + database + " --schema "
                + name + "` |");
        line("| a BI tool, over trino-jdbc | `jdbc:trino://" + addresses.trino() + "/" + database + "/" + name
                + "?SSL=true` with user `ana` and the password |");
        line("");
        line("Each cell is a database of its own (`" + String.join("`, `", addresses.cells().stream().map(TeamGuide::coreDatabase).toList())
                + "`), and in Trino a catalog of the same name, so one Trino query can read every cell. Locally Trino's "
                + "certificate is generated by `./atoll up`: give trino-jdbc `SSLVerification=NONE`, or its trust store.");
    }

    private void reading() {
        String name = team.team();
        line("");
        line("## What you can read");
        line("");
        line("The relations of the schema `" + name + "`, and nothing else. In PostgreSQL, the same columns and rows of storage's "
                + "tables beneath them can also be read where they are, in `public`.");
        line("");
        line("| relation | columns | |");
        line("|---|---|---|");
        for (TableScope table : team.tables()) {
            List<String> notes = new ArrayList<>();
            table.masked().forEach(masked -> notes.add("`" + masked.name() + "`: " + maskMeaning(masked)));
            table.rowsFollow().ifPresent(follow -> notes.add("a row is seen when its `" + follow.table() + "` row (by `" + follow.by()
                    + "`) is"));
            relationRow(table.name(), table.exposedColumns(), notes);
        }
        for (ViewScope view : team.views()) {
            relationRow(view.name(), view.columns(), List.of(view.description()));
        }
        for (AggregateScope aggregate : team.aggregates()) {
            relationRow(aggregate.name(), aggregate.columns(), List.of(aggregate.description() + "; refreshed on a schedule, and "
                    + "at once by `SELECT " + PostgresScopeCompiler.refreshFunction(team, aggregate) + "()`"));
        }
        team.rows().ifPresent(limit -> {
            line("");
            line("**Rows.** You see only the rows whose `" + limit.column() + "` is your login's `" + limit.attribute()
                    + "`, in every relation that has that column (and the rows that follow them); a login without one sees none.");
        });
    }

    private void changing() {
        String name = team.team();
        List<String> changes = new ArrayList<>();
        for (TableScope table : team.tables()) {
            String relation = "`" + name + "." + table.name() + "`";
            if (!table.insert().isEmpty()) {
                changes.add("insert into " + relation + ", giving " + columns(table.insert()));
            }
            Optional<StatusChange> statusChange = table.statusChange();
            List<String> updates = table.update().stream().filter(column -> statusChange.isEmpty() || !column.equals("status")).toList();
            if (!updates.isEmpty()) {
                changes.add("update " + columns(updates) + " of " + relation);
            }
            statusChange.ifPresent(change -> changes.add("move a row of " + relation + " from `status` '" + change.from() + "' to "
                    + String.join(" or ", change.to().stream().map(status -> "'" + status + "'").toList())
                    + "; the change is recorded as a fulfilment transaction (you are its actor) and told to the member's feed"));
            if (table.neverDeleted()) {
                changes.add("never delete from " + relation + ": a row is retired, and a delete is refused whatever was granted");
            }
        }
        line("");
        line("## What you can change");
        line("");
        if (changes.isEmpty()) {
            line("Nothing: every insert, update and delete is refused.");
            return;
        }
        changes.forEach(change -> line("- " + change.substring(0, 1).toUpperCase() + change.substring(1) + "."));
        line("");
        line("Everything else is refused with a permission error.");
    }

    private void relationRow(String relation, List<String> columns, List<String> notes) {
        line("| `" + team.team() + "." + relation + "` | " + columns(columns) + " | " + String.join("; ", notes) + " |");
    }

    private static String maskMeaning(MaskedColumn masked) {
        return switch (masked.mask()) {
            case KEYED_HASH -> "`" + masked.column() + "` as a keyed hash (HMAC-SHA256 under a key no team reads): the same for the "
                    + "same value, so it counts and joins, never the value";
        };
    }

    private static String columns(List<String> columns) {
        return String.join(", ", columns.stream().map(column -> "`" + column + "`").toList());
    }

    private void line(String text) {
        page.append(text).append('\n');
    }
}
