package io.atoll.dataaccess.domain.console;

import java.math.BigDecimal;
import java.util.Locale;
import java.util.regex.Pattern;

import static java.util.Objects.requireNonNull;

/**
 * An item sales adds to the catalogue, checked as storage's table would check it, so that a mistyped form is answered
 * with what to change rather than with a constraint's name.
 */
public record NewItem(String sku, String name, int weightGrams, BigDecimal price, String currency) {
    private static final Pattern SKU = Pattern.compile("[A-Z0-9][A-Z0-9-]{2,39}");
    private static final Pattern CURRENCY = Pattern.compile("[A-Z]{3}");
    private static final int MAX_NAME = 200;

    public NewItem {
        requireNonNull(sku, "sku is null");
        requireNonNull(name, "name is null");
        requireNonNull(price, "price is null");
        requireNonNull(currency, "currency is null");
    }

    /** The item a form's fields describe; each field as typed, any of them missing. */
    public static NewItem parse(String sku, String name, String weightGrams, String price, String currency) {
        String code = trimmed(sku).toUpperCase(Locale.ROOT);
        if (code.isEmpty()) {
            throw new InvalidInputException("The SKU is empty.");
        }
        if (!SKU.matcher(code).matches()) {
            throw new InvalidInputException("The SKU is 3 to 40 letters, digits and dashes, starting with a letter or digit.");
        }
        String title = trimmed(name);
        if (title.isEmpty() || title.length() > MAX_NAME) {
            throw new InvalidInputException("The name is 1 to " + MAX_NAME + " characters.");
        }
        int weight;
        try {
            weight = Integer.parseInt(trimmed(weightGrams));
        } catch (NumberFormatException e) {
            throw new InvalidInputException("The weight is a whole number of grams, not '" + trimmed(weightGrams) + "'.");
        }
        if (weight <= 0) {
            throw new InvalidInputException("The weight is at least 1 gram.");
        }
        BigDecimal amount;
        try {
            amount = new BigDecimal(trimmed(price));
        } catch (NumberFormatException e) {
            throw new InvalidInputException("The price is an amount such as 12.50, not '" + trimmed(price) + "'.");
        }
        if (amount.signum() < 0 || amount.scale() > 2 || amount.precision() - amount.scale() > 10) {
            throw new InvalidInputException("The price is an amount of at most 10 digits and 2 decimals, not negative.");
        }
        String code3 = trimmed(currency).toUpperCase(Locale.ROOT);
        if (!CURRENCY.matcher(code3).matches()) {
            throw new InvalidInputException("The currency is a three-letter code such as EUR.");
        }
        return new NewItem(code, title, weight, amount, code3);
    }

    private static String trimmed(String field) {
        return field == null ? "" : field.strip();
    }
}
