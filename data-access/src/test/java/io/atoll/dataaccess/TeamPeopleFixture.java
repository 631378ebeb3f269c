package io.atoll.dataaccess;

import io.atoll.testing.TestDatabase;

import java.sql.SQLException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static java.util.Objects.requireNonNull;

/**
 * People of each team on a core database made by {@link CoreDatabaseFixture}, and rows for them to find: two members
 * with personal data, orders of two warehouse regions with their lines. A logistics person of each region and one
 * without a region, a person of sales and one of analytics; logins are unique to the fixture, since roles are the
 * server's. Each login has the fixture's password, so that a server checking passwords lets them in as well.
 */
public final class TeamPeopleFixture {
    public static final String EU_MEMBER = "member-eu";
    public static final String US_MEMBER = "member-us";
    public static final UUID EU_ORDER = UUID.fromString("00000000-0000-0000-0000-00000000e001");
    public static final UUID EU_ORDER_TO_MOVE = UUID.fromString("00000000-0000-0000-0000-00000000e002");
    public static final UUID US_ORDER = UUID.fromString("00000000-0000-0000-0000-00000000a001");

    private final TestDatabase database;
    private final String euLogistics;
    private final String usLogistics;
    private final String logisticsWithoutRegion;
    private final String password = "pw-" + UUID.randomUUID();
    private final Map<String, String> byTeam;

    private TeamPeopleFixture(TestDatabase database, String prefix) {
        this.database = requireNonNull(database, "database is null");
        this.euLogistics = prefix + "logistics_eu";
        this.usLogistics = prefix + "logistics_us";
        this.logisticsWithoutRegion = prefix + "logistics_none";
        this.byTeam = new LinkedHashMap<>();
        byTeam.put("logistics", euLogistics);
        byTeam.put("sales", prefix + "sales");
        byTeam.put("analytics", prefix + "analytics");
    }

    /** Makes the people's logins (granted their team's role, logistics' with their region) and the rows. */
    public static TeamPeopleFixture create(TestDatabase database) throws SQLException {
        TeamPeopleFixture people = new TeamPeopleFixture(database, "da_" + UUID.randomUUID().toString().substring(0, 8) + "_");
        CoreDatabaseFixture.asOwner(database,
                "CREATE ROLE " + people.euLogistics + " LOGIN PASSWORD '" + people.password + "' IN ROLE logistics",
                "CREATE ROLE " + people.usLogistics + " LOGIN PASSWORD '" + people.password + "' IN ROLE logistics",
                "CREATE ROLE " + people.logisticsWithoutRegion + " LOGIN PASSWORD '" + people.password + "' IN ROLE logistics",
                "CREATE ROLE " + people.of("sales") + " LOGIN PASSWORD '" + people.password + "' IN ROLE sales",
                "CREATE ROLE " + people.of("analytics") + " LOGIN PASSWORD '" + people.password + "' IN ROLE analytics",
                "INSERT INTO data_access.user_attributes VALUES ('" + people.euLogistics + "', 'region', 'eu-west-1'), ('"
                        + people.usLogistics + "', 'region', 'us-east-1')",
                "INSERT INTO members (id, home_cell, email, name, postal_line1, postal_city, postal_code, postal_country, tier, status, joined_at, updated_at)"
                        + " VALUES ('" + EU_MEMBER + "', 'eu-west-1', 'ann@example.com', 'Ann Example', '1 Rue de Rivoli', 'Paris', '75001', 'FR', 'plus', 'active', now(), now()),"
                        + " ('" + US_MEMBER + "', 'us-east-1', 'bob@example.com', 'Bob Example', '5 Main Street', 'Springfield', '12345', 'US', 'basic', 'active', now(), now())",
                "INSERT INTO membership_history (member_id, tier, status, changed_at) VALUES ('" + EU_MEMBER + "', 'plus', 'active', now()), ('"
                        + US_MEMBER + "', 'basic', 'active', now())",
                order(EU_ORDER, EU_MEMBER, "eu-west-1", "FR"),
                order(EU_ORDER_TO_MOVE, EU_MEMBER, "eu-west-1", "DE"),
                order(US_ORDER, US_MEMBER, "us-east-1", "US"),
                "INSERT INTO order_items VALUES ('" + EU_ORDER + "', 1, 'GAS-230G', 'Butane-propane cartridge 230 g', 2, 6.50, 370),"
                        + " ('" + EU_ORDER + "', 2, 'POT-TI-750', 'Titanium pot 750 ml', 1, 44.00, 105),"
                        + " ('" + EU_ORDER_TO_MOVE + "', 1, 'TENT-2P-ULTRA', 'Ultralight two-person tent', 1, 389.00, 1350),"
                        + " ('" + US_ORDER + "', 1, 'BOTTLE-1L-ALU', 'Aluminium bottle 1 l', 3, 19.90, 165)");
        return people;
    }

    /** The person of {@code team}; logistics' is the one of eu-west-1. */
    public String of(String team) {
        String login = byTeam.get(team);
        if (login == null) {
            throw new IllegalArgumentException("no person of team " + team);
        }
        return login;
    }

    public String euLogistics() {
        return euLogistics;
    }

    public String usLogistics() {
        return usLogistics;
    }

    public String logisticsWithoutRegion() {
        return logisticsWithoutRegion;
    }

    /** Every login's password. */
    public String password() {
        return password;
    }

    /** Every login the fixture made. */
    public List<String> logins() {
        return List.of(euLogistics, usLogistics, logisticsWithoutRegion, of("sales"), of("analytics"));
    }

    /** Drops the logins (the database goes with its own fixture). */
    public void drop() throws SQLException {
        CoreDatabaseFixture.dropRoles(database, logins().toArray(String[]::new));
    }

    public static String order(UUID id, String member, String region, String country) {
        return "INSERT INTO orders (id, member_id, idempotency_key, request_hash, status, destination_name, destination_line1, destination_city,"
                + " destination_postal_code, destination_country, warehouse_region, currency, placed_at, updated_at) VALUES ('" + id + "', '"
                + member + "', '" + id + "', repeat('0', 64), 'placed', 'Receiver', '1 Dock Road', 'Town', '1000', '" + country + "', '"
                + region + "', 'EUR', now(), now())";
    }
}
