package io.atoll.cell.jobs;

import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class JobSpecTest {
    @Test
    void readsTheFieldsOfOneJsonObject() {
        JobSpec spec = parse("{\"input\": \"/data/photo.jpg\", \"sizes\": [160, 480], \"seconds\": 1.5, \"unknown\": true}");

        assertThat(spec.text("input")).isEqualTo("/data/photo.jpg");
        assertThat(spec.path("input")).isEqualTo(Path.of("/data/photo.jpg"));
        assertThat(spec.distinctIntegers("sizes", 1, 1000, 4)).containsExactly(160, 480);
        assertThat(spec.number("seconds", BigDecimal.ZERO, BigDecimal.TEN)).isEqualByComparingTo("1.5");
    }

    @Test
    void anythingButOneJsonObjectIsRefused() {
        for (String json : new String[]{"", "   ", "[]", "\"text\"", "null", "{\"a\": 1", "{} {}", "{\"a\": 1} trailing"}) {
            assertThatThrownBy(() -> parse(json)).as("spec %s", json).isInstanceOf(InvalidJobInputException.class);
        }
    }

    @Test
    void aMissingOrMistypedFieldIsNamed() {
        JobSpec spec = parse("{\"input\": \"\", \"sizes\": [1.5], \"seconds\": \"1\", \"count\": [1, 2, 3]}");

        assertThatThrownBy(() -> spec.text("input")).hasMessage("spec field \"input\" must be a non-blank string");
        assertThatThrownBy(() -> spec.text("missing")).hasMessage("spec field \"missing\" must be a non-blank string");
        assertThatThrownBy(() -> spec.distinctIntegers("sizes", 1, 10, 3)).hasMessageContaining("\"sizes\" must be an array");
        assertThatThrownBy(() -> spec.distinctIntegers("count", 1, 10, 2)).hasMessageContaining("1 to 2 distinct integers");
        assertThatThrownBy(() -> spec.number("seconds", BigDecimal.ZERO, BigDecimal.TEN))
                .hasMessage("spec field \"seconds\" must be a number from 0 to 10");
    }

    private static JobSpec parse(String json) {
        return JobSpec.parse(json.getBytes(StandardCharsets.UTF_8));
    }
}
