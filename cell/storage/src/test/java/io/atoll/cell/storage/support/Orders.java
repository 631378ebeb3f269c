package io.atoll.cell.storage.support;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** Placement bodies for tests. */
public final class Orders {
    private Orders() {
    }

    public static Map<String, Object> body(String country, Object... skuAndQuantity) {
        List<Map<String, Object>> lines = new ArrayList<>();
        for (int index = 0; index < skuAndQuantity.length; index += 2) {
            lines.add(Map.of("sku", skuAndQuantity[index], "quantity", skuAndQuantity[index + 1]));
        }
        return Map.of("lines", lines, "destination", Map.of("name", "Ada Lovelace", "line1", "12 Harbour Street",
                "city", "Dublin", "postalCode", "D02 X285", "country", country));
    }
}
