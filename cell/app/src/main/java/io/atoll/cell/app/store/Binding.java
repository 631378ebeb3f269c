package io.atoll.cell.app.store;

import com.datastax.oss.driver.api.core.cql.BoundStatement;
import com.datastax.oss.driver.api.core.cql.PreparedStatement;

/** Binding values to prepared statements. */
final class Binding {
    private Binding() {
    }

    /**
     * Binds the values, leaving the nulls unset rather than null: an explicit null writes a tombstone, an
     * unset value writes nothing.
     */
    static BoundStatement bindSkippingNulls(PreparedStatement statement, Object... values) {
        BoundStatement bound = statement.bind(values);
        for (int i = 0; i < values.length; i++) {
            if (values[i] == null) {
                bound = bound.unset(i);
            }
        }
        return bound;
    }
}
