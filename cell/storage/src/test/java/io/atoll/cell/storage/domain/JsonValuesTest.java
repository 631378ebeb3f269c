package io.atoll.cell.storage.domain;

import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class JsonValuesTest {
    @Test
    void theCanonicalTextIgnoresMemberOrderAndNumberSpellingButNotArrayOrder() {
        Map<String, Object> first = new LinkedHashMap<>();
        first.put("b", List.of(1, 2L, new BigDecimal("3.50")));
        first.put("a", Map.of("y", true, "x", "text"));
        Map<String, Object> second = new LinkedHashMap<>();
        second.put("a", Map.of("x", "text", "y", true));
        second.put("b", List.of(1.0, 2, 3.5));

        assertThat(JsonValues.canonical(first)).isEqualTo(JsonValues.canonical(second));
        assertThat(JsonValues.canonical(Map.of("b", List.of(2, 1)))).isNotEqualTo(JsonValues.canonical(Map.of("b", List.of(1, 2))));
        assertThat(JsonValues.canonical("1")).isNotEqualTo(JsonValues.canonical(1));
        assertThat(JsonValues.canonical(false)).isNotEqualTo(JsonValues.canonical("f"));
    }

    @Test
    void aCopyKeepsNullMembersAndCannotBeChanged() {
        Map<String, Object> object = new LinkedHashMap<>();
        object.put("camera", null);

        Map<String, Object> copy = JsonValues.copyOf(object);
        object.put("camera", "X100");

        assertThat(copy).containsEntry("camera", null).hasSize(1);
        assertThatThrownBy(() -> copy.put("takenAt", "2026")).isInstanceOf(UnsupportedOperationException.class);
    }
}
