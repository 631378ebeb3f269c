package io.atoll.cell.contracts.problem;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class ClientReasonsTest {
    @Test
    void anUnknownPropertyBecomesTheFieldsName() {
        assertThat(ClientReasons.of("Failed to convert argument [report] for value [null] due to: Unknown property [colour] encountered "
                + "during deserialization of type: io.atoll.cell.app.api.checkin.DeviceStateReport")).isEqualTo("Unknown field 'colour'.");
    }

    @Test
    void anUndecodablePropertyBecomesTheFieldsName() {
        assertThat(ClientReasons.of("Error decoding property [String name] of type [class io.atoll.cell.app.api.DeviceRegistration]: "
                + "Unexpected token (START_OBJECT), expected VALUE_STRING")).isEqualTo("Field 'name' has a value of the wrong kind.");
    }

    @Test
    void aValueOfTheWrongKindIsPlacedByLineAndColumn() {
        assertThat(ClientReasons.of("Failed to convert argument [thing] for value [null] due to: Unexpected token START_OBJECT, expected VALUE_STRING \n"
                + " at [Source: REDACTED (`StreamReadFeature.INCLUDE_SOURCE_IN_LOCATION` disabled); line: 1, column: 19]"))
                .isEqualTo("A value of the wrong kind at line 1, column 19 of the body.");
    }

    @Test
    void anyOtherMessageNamingAClassOrAnExceptionBecomesAGeneralReason() {
        assertThat(ClientReasons.of("Cannot construct instance of java.time.Instant")).isEqualTo("The request body is not the JSON this request takes.");
        assertThat(ClientReasons.of("JsonEOFException: unexpected end")).isEqualTo("The request body is not the JSON this request takes.");
    }

    @Test
    void aValidationMessageStaysAsItIs() {
        assertThat(ClientReasons.of("register.registration.name: must not be blank")).isEqualTo("register.registration.name: must not be blank");
        assertThat(ClientReasons.of("events[3].attributes.screen must be at most 512 characters")).isEqualTo("events[3].attributes.screen must be at most 512 characters");
    }
}
