package io.atoll.dataaccess.domain.console;

import java.time.LocalDate;

/** A row of the aggregate {@code logistics.daily_orders}: a day's orders of a warehouse region. */
public record DailyOrders(LocalDate day, String warehouseRegion, long placed, long open, long fulfilled, long cancelled,
                          long totalWeightGrams) {
}
