package io.atoll.cell.contracts;

import io.atoll.cell.contracts.tracing.TraceParent;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class TraceParentTest {
    @Test
    void aValidHeaderIsReadAndWrittenBackUnchanged() {
        String header = "00-4bf92f3577b34da6a3ce929d0e0e4736-00f067aa0ba902b7-01";

        TraceParent parent = TraceParent.parse(header).orElseThrow();

        assertThat(parent.traceId()).isEqualTo("4bf92f3577b34da6a3ce929d0e0e4736");
        assertThat(parent.sampled()).isTrue();
        assertThat(parent.header()).isEqualTo(header);
    }

    @Test
    void malformedOrAllZeroHeadersAreIgnored() {
        assertThat(TraceParent.parse(null)).isEmpty();
        assertThat(TraceParent.parse("garbage")).isEmpty();
        assertThat(TraceParent.parse("00-00000000000000000000000000000000-00f067aa0ba902b7-01")).isEmpty();
        assertThat(TraceParent.parse("00-4bf92f3577b34da6a3ce929d0e0e4736-0000000000000000-01")).isEmpty();
        assertThat(TraceParent.parse("00-4BF92F3577B34DA6A3CE929D0E0E4736-00f067aa0ba902b7-01")).isEmpty();
    }

    @Test
    void aChildSpanKeepsTheTraceAndGetsANewSpanId() {
        TraceParent parent = TraceParent.newTrace();

        TraceParent child = parent.child();

        assertThat(child.traceId()).isEqualTo(parent.traceId()).hasSize(32);
        assertThat(child.spanId()).isNotEqualTo(parent.spanId()).hasSize(16);
        assertThat(TraceParent.parse(child.header())).contains(child);
    }
}
