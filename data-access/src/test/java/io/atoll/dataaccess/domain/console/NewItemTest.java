package io.atoll.dataaccess.domain.console;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class NewItemTest {
    @Test
    void aFormAsTypedBecomesTheItemStorageWouldTake() {
        NewItem item = NewItem.parse(" stove-mini ", " Mini stove ", " 85 ", "29.90", "eur");

        assertThat(item).isEqualTo(new NewItem("STOVE-MINI", "Mini stove", 85, new BigDecimal("29.90"), "EUR"));
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', nullValues = "null", value = {
            "empty SKU          |      | Stove | 85    | 29.90 | EUR | The SKU is empty.",
            "missing SKU        | null | Stove | 85    | 29.90 | EUR | The SKU is empty.",
            "SKU with a space   | A B C| Stove | 85    | 29.90 | EUR | The SKU is 3 to 40 letters",
            "SKU too short      | AB   | Stove | 85    | 29.90 | EUR | The SKU is 3 to 40 letters",
            "empty name         | ABC  |       | 85    | 29.90 | EUR | The name is 1 to 200 characters.",
            "non-numeric weight | ABC  | Stove | heavy | 29.90 | EUR | The weight is a whole number of grams, not 'heavy'.",
            "fractional weight  | ABC  | Stove | 8.5   | 29.90 | EUR | The weight is a whole number of grams, not '8.5'.",
            "zero weight        | ABC  | Stove | 0     | 29.90 | EUR | The weight is at least 1 gram.",
            "price not a number | ABC  | Stove | 85    | cheap | EUR | The price is an amount such as 12.50, not 'cheap'.",
            "negative price     | ABC  | Stove | 85    | -1    | EUR | The price is an amount of at most 10 digits",
            "price in mills     | ABC  | Stove | 85    | 1.005 | EUR | The price is an amount of at most 10 digits",
            "currency of two    | ABC  | Stove | 85    | 1     | EU  | The currency is a three-letter code such as EUR.",
    })
    void aFormThatCannotBeAnItemSaysWhatToChange(String what, String sku, String name, String weight, String price, String currency,
                                                  String message) {
        assertThatThrownBy(() -> NewItem.parse(sku, name, weight, price, currency))
                .isInstanceOf(InvalidInputException.class)
                .hasMessageStartingWith(message);
    }

    @Test
    void onlyFulfilledAndCancelledAreStatusesTheConsoleSets() {
        assertThat(OrderStatusChange.of("fulfilled").status()).isEqualTo("fulfilled");
        assertThat(OrderStatusChange.of("cancelled").status()).isEqualTo("cancelled");
        assertThatThrownBy(() -> OrderStatusChange.of("placed")).isInstanceOf(InvalidInputException.class)
                .hasMessage("An order becomes fulfilled or cancelled, not 'placed'.");
    }
}
