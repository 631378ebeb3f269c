package io.atoll.cell.workers.runner.kubernetes;

import io.micronaut.serde.ObjectMapper;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class ContainerLogTest {
    private static final ObjectMapper JSON = ObjectMapper.getDefault();

    @Test
    void theResultIsTheLastJsonObjectLineAndTheRestIsStandardError() {
        String log = """
                reading /work/original
                {"thumbnails":[{"name":"thumb-160.jpg","width":160,"height":120,"bytes":5120}]}
                wrote 1 thumbnail
                """;

        ContainerLog split = ContainerLog.of(log, JSON);

        assertThat(split.stdout()).isEqualTo("{\"thumbnails\":[{\"name\":\"thumb-160.jpg\",\"width\":160,\"height\":120,\"bytes\":5120}]}");
        assertThat(split.stderr()).isEqualTo("reading /work/original\nwrote 1 thumbnail\n");
    }

    @Test
    void anEarlierJsonLineIsLeftWithStandardError() {
        ContainerLog split = ContainerLog.of("{\"progress\":1}\n{\"slept\":2}\n", JSON);

        assertThat(split.stdout()).isEqualTo("{\"slept\":2}");
        assertThat(split.stderr()).isEqualTo("{\"progress\":1}\n");
    }

    @Test
    void linesThatOnlyLookLikeJsonAreNotTheResult() {
        ContainerLog split = ContainerLog.of("{\"directories\": [\"a\"]}\n{not json}\n[1, 2]\n{\"a\": 1} trailing\n", JSON);

        assertThat(split.stdout()).isEqualTo("{\"directories\": [\"a\"]}");
        assertThat(split.stderr()).isEqualTo("{not json}\n[1, 2]\n{\"a\": 1} trailing\n");
    }

    @Test
    void aCrashLeavesNoResult() {
        ContainerLog split = ContainerLog.of("Exception in thread \"main\" java.lang.IllegalStateException: crash requested\n", JSON);

        assertThat(split.stdout()).isEmpty();
        assertThat(split.stderr()).startsWith("Exception in thread \"main\"");
    }

    @Test
    void anEmptyLogIsEmpty() {
        assertThat(ContainerLog.of("", JSON)).isEqualTo(new ContainerLog("", ""));
    }

    @Test
    void aLongStandardErrorKeepsItsEnd() {
        String noise = "x".repeat(100) + "\n";
        ContainerLog split = ContainerLog.of(noise.repeat(1000) + "the last words\n{}\n", JSON);

        assertThat(split.stdout()).isEqualTo("{}");
        assertThat(split.stderr()).hasSize(ContainerLog.STDERR_CHARS).endsWith("the last words\n");
    }
}
