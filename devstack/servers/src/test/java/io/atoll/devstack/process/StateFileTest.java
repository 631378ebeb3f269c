package io.atoll.devstack.process;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

class StateFileTest {
    @Test
    void recordsSurviveANewReaderAndCanBeForgotten(@TempDir Path state) throws IOException {
        OwnedProcess cassandra = new OwnedProcess("cassandra", 4242, Instant.parse("2026-11-21T08:00:00.120Z"),
                state.resolve("cassandra/cassandra.log"), Map.of("home", state.resolve("cassandra").toString()));
        OwnedProcess postgres = new OwnedProcess("postgres", 4343, Instant.parse("2026-11-21T08:00:01Z"),
                state.resolve("postgres/postgres.log"), Map.of("data", "/d"));
        new StateFile(state).record(cassandra);
        new StateFile(state).record(postgres);

        assertThat(new StateFile(state).find("cassandra")).contains(cassandra);
        assertThat(new StateFile(state).all()).containsExactlyInAnyOrder(cassandra, postgres);

        new StateFile(state).forget("cassandra");
        assertThat(new StateFile(state).find("cassandra")).isEmpty();
        assertThat(new StateFile(state).all()).containsExactly(postgres);
    }

    @Test
    void aRecordWhosePidBelongsToAnotherProcessIsNotLive() {
        ProcessHandle self = ProcessHandle.current();
        OwnedProcess reused = new OwnedProcess("postgres", self.pid(), Instant.EPOCH, Path.of("x.log"), Map.of());
        OwnedProcess same = OwnedProcess.of("postgres", self, Path.of("x.log"), Map.of());

        assertThat(reused.live()).isEmpty();
        assertThat(same.live()).isPresent();
    }
}
