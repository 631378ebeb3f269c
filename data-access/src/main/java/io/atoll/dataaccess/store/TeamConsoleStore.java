package io.atoll.dataaccess.store;

import io.atoll.dataaccess.domain.console.CatalogueItem;
import io.atoll.dataaccess.domain.console.ConsoleSession;
import io.atoll.dataaccess.domain.console.DailyOrders;
import io.atoll.dataaccess.domain.console.InvalidInputException;
import io.atoll.dataaccess.domain.console.NewItem;
import io.atoll.dataaccess.domain.console.OpenOrder;
import io.atoll.dataaccess.domain.console.OrderStatusChange;
import io.atoll.dataaccess.domain.console.RefusedByDatabaseException;
import io.atoll.dataaccess.domain.console.SignInRefusedException;

import org.postgresql.util.PSQLException;
import org.postgresql.util.ServerErrorMessage;

import java.sql.Array;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;
import java.util.Set;
import java.util.UUID;

import static java.util.Objects.requireNonNull;

/**
 * What the team console reads and changes in a cell's core database, each time on a connection of the signed-in
 * person's own login, so that their grants, row policies and triggers, not the console, decide. A connection per
 * action and no pool: a pool would hold the people's connections open between their clicks.
 */
public final class TeamConsoleStore {
    /** Permission denied; the teams' triggers' refusals (a status that cannot change, a row never deleted). */
    private static final Set<String> REFUSALS = Set.of("42501", "23514", "23001");
    /** Invalid authorization, or a database the login may not open: the sign-in is refused, not failed. */
    private static final String INVALID_AUTHORIZATION_CLASS = "28";
    private static final String UNIQUE_VIOLATION = "23505";
    private static final String DATA_EXCEPTION_CLASS = "22";

    private final Map<String, String> cellUrls;
    private final List<String> teams;

    /**
     * @param cellUrls each cell's core database, {@code jdbc:postgresql://...}, by cell id
     * @param teams the teams' group roles, one of which a person's login is a member of
     */
    public TeamConsoleStore(Map<String, String> cellUrls, List<String> teams) {
        this.cellUrls = Map.copyOf(requireNonNull(cellUrls, "cellUrls is null"));
        this.teams = List.copyOf(requireNonNull(teams, "teams is null"));
    }

    /** The cells people may sign in to, in order. */
    public List<String> cells() {
        return cellUrls.keySet().stream().sorted().toList();
    }

    /**
     * Opens the cell's database with these credentials; the database decides.
     *
     * @return the team role the login is a member of, if any
     * @throws SignInRefusedException where the database refuses the login
     */
    public Optional<String> signIn(String cell, String login, String password) {
        try (Connection connection = connect(cell, login, password);
             PreparedStatement query = connection.prepareStatement(
                     "SELECT team FROM unnest(?::text[]) WITH ORDINALITY AS t(team, position)"
                             + " WHERE pg_has_role(current_user, team, 'MEMBER') ORDER BY position LIMIT 1")) {
            Array names = connection.createArrayOf("text", teams.toArray());
            query.setArray(1, names);
            try (ResultSet row = query.executeQuery()) {
                return row.next() ? Optional.of(row.getString(1)) : Optional.empty();
            }
        } catch (SQLException e) {
            if (e.getSQLState() != null && (e.getSQLState().startsWith(INVALID_AUTHORIZATION_CLASS) || e.getSQLState().equals("3D000"))) {
                throw new SignInRefusedException(e.getMessage(), e);
            }
            throw new IllegalStateException("the database of cell " + cell + " could not be reached: " + e.getMessage(), e);
        }
    }

    /** The person's orders still to ship ({@code placed}), oldest first. */
    public List<OpenOrder> openOrders(ConsoleSession person) {
        return run(person, connection -> {
            try (PreparedStatement query = connection.prepareStatement(
                    "SELECT order_id, warehouse_region, placed_at, destination_name, destination_city, destination_country, item_count,"
                            + " total_weight_grams FROM logistics.order_details WHERE status = 'placed' ORDER BY placed_at, order_id");
                 ResultSet rows = query.executeQuery()) {
                List<OpenOrder> orders = new ArrayList<>();
                while (rows.next()) {
                    orders.add(new OpenOrder(rows.getObject(1, UUID.class), rows.getString(2), rows.getTimestamp(3).toInstant(),
                            rows.getString(4), rows.getString(5), rows.getString(6), rows.getLong(7), rows.getLong(8)));
                }
                return orders;
            }
        });
    }

    /** The daily aggregates the person may see, newest day first, as last refreshed. */
    public List<DailyOrders> dailyOrders(ConsoleSession person) {
        return run(person, connection -> {
            try (PreparedStatement query = connection.prepareStatement(
                    "SELECT day, warehouse_region, placed, open, fulfilled, cancelled, total_weight_grams FROM logistics.daily_orders"
                            + " ORDER BY day DESC, warehouse_region");
                 ResultSet rows = query.executeQuery()) {
                List<DailyOrders> days = new ArrayList<>();
                while (rows.next()) {
                    days.add(new DailyOrders(rows.getObject(1, LocalDate.class), rows.getString(2), rows.getLong(3),
                            rows.getLong(4), rows.getLong(5), rows.getLong(6), rows.getLong(7)));
                }
                return days;
            }
        });
    }

    public void refreshDailyOrders(ConsoleSession person) {
        run(person, connection -> {
            try (PreparedStatement refresh = connection.prepareStatement("SELECT logistics.refresh_daily_orders()")) {
                refresh.execute();
            }
            return null;
        });
    }

    /**
     * Moves an order on; the scope's trigger records the fulfilment transaction and the outbox event with it.
     *
     * @return whether the person sees the order at all (their row policy decides)
     */
    public boolean changeStatus(ConsoleSession person, UUID order, OrderStatusChange change) {
        return run(person, connection -> {
            try (PreparedStatement update = connection.prepareStatement("UPDATE logistics.orders SET status = ? WHERE id = ?")) {
                update.setString(1, change.status());
                update.setObject(2, order);
                return update.executeUpdate() == 1;
            }
        });
    }

    /** The catalogue, active items first. */
    public List<CatalogueItem> items(ConsoleSession person) {
        return run(person, connection -> {
            try (PreparedStatement query = connection.prepareStatement(
                    "SELECT sku, name, weight_grams, price, currency, is_active FROM sales.items ORDER BY is_active DESC, sku");
                 ResultSet rows = query.executeQuery()) {
                List<CatalogueItem> items = new ArrayList<>();
                while (rows.next()) {
                    items.add(new CatalogueItem(rows.getString(1), rows.getString(2), rows.getInt(3), rows.getBigDecimal(4),
                            rows.getString(5), rows.getBoolean(6)));
                }
                return items;
            }
        });
    }

    public void addItem(ConsoleSession person, NewItem item) {
        run(person, connection -> {
            try (PreparedStatement insert = connection.prepareStatement(
                    "INSERT INTO sales.items (sku, name, weight_grams, price, currency, is_active) VALUES (?, ?, ?, ?, ?, true)")) {
                insert.setString(1, item.sku());
                insert.setString(2, item.name());
                insert.setInt(3, item.weightGrams());
                insert.setBigDecimal(4, item.price());
                insert.setString(5, item.currency());
                insert.executeUpdate();
            }
            return null;
        });
    }

    /** @return whether an active item of this SKU was retired */
    public boolean retire(ConsoleSession person, String sku) {
        return run(person, connection -> {
            try (PreparedStatement update = connection.prepareStatement("UPDATE sales.items SET is_active = false WHERE sku = ? AND is_active")) {
                update.setString(1, sku);
                return update.executeUpdate() == 1;
            }
        });
    }

    private interface Work<T> {
        T on(Connection connection) throws SQLException;
    }

    private <T> T run(ConsoleSession person, Work<T> work) {
        try (Connection connection = connect(person.cell(), person.login(), person.password())) {
            return work.on(connection);
        } catch (SQLException e) {
            String state = e.getSQLState() == null ? "" : e.getSQLState();
            if (REFUSALS.contains(state) || state.startsWith(INVALID_AUTHORIZATION_CLASS)) {
                throw new RefusedByDatabaseException(plain(e), e);
            }
            if (state.equals(UNIQUE_VIOLATION) || state.startsWith(DATA_EXCEPTION_CLASS)) {
                throw new InvalidInputException(plain(e));
            }
            throw new IllegalStateException("the database of cell " + person.cell() + " failed: " + e.getMessage(), e);
        }
    }

    /** The server's own sentence (and its detail), without the driver's "ERROR:" and the lines of context after it. */
    private static String plain(SQLException e) {
        if (e instanceof PSQLException answer && answer.getServerErrorMessage() != null) {
            ServerErrorMessage message = answer.getServerErrorMessage();
            return message.getMessage() + (message.getDetail() == null ? "" : " (" + message.getDetail() + ")");
        }
        return e.getMessage();
    }

    private Connection connect(String cell, String login, String password) throws SQLException {
        String url = cellUrls.get(cell);
        if (url == null) {
            throw new IllegalArgumentException("no cell " + cell + " here");
        }
        Properties properties = new Properties();
        properties.setProperty("user", login);
        properties.setProperty("password", password);
        properties.setProperty("ApplicationName", "atoll-team-console");
        properties.setProperty("connectTimeout", "5");
        properties.setProperty("socketTimeout", "30");
        return DriverManager.getConnection(url, properties);
    }
}
