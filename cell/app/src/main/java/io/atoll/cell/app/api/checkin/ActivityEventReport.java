package io.atoll.cell.app.api.checkin;

import io.atoll.cell.app.domain.Refusal;
import io.atoll.cell.app.domain.RefusedException;
import io.atoll.cell.app.domain.checkin.ActivityEvent;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.serde.annotation.Serdeable;

import java.time.Instant;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * One activity event of a check-in, e.g. {@code {"type": "screen_view", "occurredAt": "...", "attributes": {"screen": "home"}}}.
 *
 * <p>Checked by hand rather than by bean validation: a check-in carries up to hundreds of events with their
 * attributes, and cascading constraints into each of them cost the app a tenth of its CPU under check-in load.
 */
@Serdeable
public record ActivityEventReport(@Nullable String type, @Nullable Instant occurredAt, @Nullable Map<String, String> attributes) {
    static final int MAX_ATTRIBUTES = 16;
    static final int MAX_ATTRIBUTE_NAME_LENGTH = 64;
    static final int MAX_ATTRIBUTE_VALUE_LENGTH = 512;
    private static final Pattern TYPE = Pattern.compile("[a-z][a-z0-9_.]{0,63}");

    /**
     * The event, once its fields are within the limits.
     *
     * @param field where the event is in the request, for the error's detail (e.g. {@code events[3]})
     */
    ActivityEvent toEvent(String field) {
        if (type == null || !TYPE.matcher(type).matches()) {
            throw invalid(field + ".type must be a lower-case name of at most 64 characters (letters, digits, '_' and '.'), not "
                    + (type == null ? "missing" : "\"" + type + "\""));
        }
        if (occurredAt == null) {
            throw invalid(field + ".occurredAt is missing");
        }
        if (attributes == null) {
            return new ActivityEvent(type, occurredAt, Map.of());
        }
        if (attributes.size() > MAX_ATTRIBUTES) {
            throw invalid(field + ".attributes has " + attributes.size() + " entries; at most " + MAX_ATTRIBUTES + " are allowed");
        }
        attributes.forEach((name, value) -> {
            if (name.isBlank() || name.length() > MAX_ATTRIBUTE_NAME_LENGTH) {
                throw invalid(field + ".attributes: a name must be 1 to " + MAX_ATTRIBUTE_NAME_LENGTH + " characters and not blank");
            }
            if (value == null || value.length() > MAX_ATTRIBUTE_VALUE_LENGTH) {
                throw invalid(field + ".attributes." + name + " must be a string of at most " + MAX_ATTRIBUTE_VALUE_LENGTH + " characters");
            }
        });
        return new ActivityEvent(type, occurredAt, attributes);
    }

    static RefusedException invalid(String detail) {
        return new RefusedException(Refusal.BAD_REQUEST, "Invalid check-in", detail + ".");
    }
}
