package io.atoll.cell.storage.store;

import io.atoll.cell.storage.domain.catalogue.Catalogue;
import io.atoll.cell.storage.domain.catalogue.Item;
import io.micronaut.transaction.annotation.ReadOnly;
import jakarta.inject.Singleton;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Collectors;

import static java.util.Objects.requireNonNull;

@Singleton
class JdbcCatalogue implements Catalogue {
    private final Sql sql;

    JdbcCatalogue(Sql sql) {
        this.sql = requireNonNull(sql, "sql is null");
    }

    @Override
    @ReadOnly
    public List<Item> activeItems(Optional<String> afterSku, int limit) {
        return sql.list("SELECT * FROM items WHERE is_active AND sku > ? ORDER BY sku LIMIT ?", JdbcCatalogue::item,
                afterSku.orElse(""), limit);
    }

    @Override
    @ReadOnly
    public Map<String, Item> findAll(Collection<String> skus) {
        return sql.list("SELECT * FROM items WHERE sku = ANY (?)", JdbcCatalogue::item, (Object) skus.toArray(String[]::new))
                .stream().collect(Collectors.toMap(Item::sku, Function.identity()));
    }

    private static Item item(ResultSet row) throws SQLException {
        return new Item(row.getString("sku"), row.getString("name"), row.getInt("weight_grams"), row.getBigDecimal("price"),
                row.getString("currency"), row.getBoolean("is_active"));
    }
}
