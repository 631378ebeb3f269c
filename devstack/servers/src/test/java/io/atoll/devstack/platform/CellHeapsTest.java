package io.atoll.devstack.platform;

import org.junit.jupiter.api.Test;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class CellHeapsTest {
    @Test
    void upGivesTheWorkersTheSmallestHeap() {
        assertThat(CellHeaps.LOCAL.workers()).isEqualTo("160m");
        assertThat(new CellServices("eu-west-1", 8110, List.of()).heaps()).isEqualTo(CellHeaps.LOCAL);
    }

    @Test
    void everyHeapMustBeASizeTheJvmTakes() {
        assertThatThrownBy(() -> new CellHeaps("128m", "128m", "lots")).hasMessage("the workers heap must be a size such as 192m or 1g, not lots");
        assertThatThrownBy(() -> new CellHeaps("0m", "128m", "128m")).hasMessageContaining("the app heap");
        assertThatThrownBy(() -> new CellHeaps("128m", null, "128m")).hasMessage("storage is null");
    }
}
