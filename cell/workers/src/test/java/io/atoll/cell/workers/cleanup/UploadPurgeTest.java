package io.atoll.cell.workers.cleanup;

import org.junit.jupiter.api.Test;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.List;
import java.util.Queue;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class UploadPurgeTest {
    @Test
    void purgesBatchByBatchUntilStorageReportsNoneLeft() {
        Storage storage = new Storage(new ExpiredUploads.Batch(3, true), new ExpiredUploads.Batch(3, true), new ExpiredUploads.Batch(1, false));
        List<String> heard = new ArrayList<>();

        PurgeReport report = new UploadPurge(storage, 3).run(new PurgeListener() {
            @Override
            public void batchPurged(int purged, boolean more) {
                heard.add(purged + (more ? "+" : ""));
            }
        });

        assertThat(report).isEqualTo(new PurgeReport(7, 3));
        assertThat(heard).containsExactly("3+", "3+", "1");
        assertThat(storage.limits).containsExactly(3, 3, 3);
    }

    @Test
    void stopsWhenStorageReportsExpiredUploadsLeftButPurgedNone() {
        Storage storage = new Storage(new ExpiredUploads.Batch(2, true), new ExpiredUploads.Batch(0, true), new ExpiredUploads.Batch(0, true));

        assertThatThrownBy(() -> new UploadPurge(storage, 2).run(new PurgeListener() {
        })).isInstanceOf(IllegalStateException.class).hasMessageContaining("purged none");
        assertThat(storage.limits).hasSize(2);
    }

    /** Storage's answers, one per call, in order. */
    private static final class Storage implements ExpiredUploads {
        private final Queue<Batch> answers;
        final List<Integer> limits = new ArrayList<>();

        Storage(Batch... answers) {
            this.answers = new ArrayDeque<>(List.of(answers));
        }

        @Override
        public Batch purge(int limit) {
            limits.add(limit);
            return answers.remove();
        }
    }
}
