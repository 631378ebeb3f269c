package io.atoll.cell.workers.messaging;

import com.rabbitmq.client.AMQP;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

class WorkQueueTest {
    @Test
    void retryQueuesAreNamedAfterTheirDelayAndEveryQueueHasADeadLetterQueue() {
        WorkQueue queue = new WorkQueue("workers.jobs", List.of(Duration.ofSeconds(1), Duration.ofSeconds(10), Duration.ofMinutes(1),
                Duration.ofMillis(250)));

        assertThat(queue.allQueues()).containsExactly("workers.jobs", "workers.jobs.retry.1s", "workers.jobs.retry.10s", "workers.jobs.retry.60s",
                "workers.jobs.retry.250ms", "workers.jobs.dead");
    }

    @Test
    void theAttemptOfAMessageIsOneUnlessItsHeaderCountsMore() {
        assertThat(DeliveryProcessor.attemptOf(new AMQP.BasicProperties())).isEqualTo(1);
        assertThat(DeliveryProcessor.attemptOf(withHeaders(Map.of(WorkQueues.ATTEMPT_HEADER, 3)))).isEqualTo(3);
        assertThat(DeliveryProcessor.attemptOf(withHeaders(Map.of(WorkQueues.ATTEMPT_HEADER, 3L)))).isEqualTo(3);
        assertThat(DeliveryProcessor.attemptOf(withHeaders(Map.of(WorkQueues.ATTEMPT_HEADER, "two")))).isEqualTo(1);
        assertThat(DeliveryProcessor.attemptOf(withHeaders(Map.of(WorkQueues.ATTEMPT_HEADER, -5)))).isEqualTo(1);
    }

    @Test
    void aMessagesTraceIsContinuedAndAMessageWithoutOneStartsItsOwn() {
        String parent = "00-4bf92f3577b34da6a3ce929d0e0e4736-00f067aa0ba902b7-01";

        assertThat(DeliveryProcessor.traceOf(withHeaders(Map.of("traceparent", parent))).traceId()).isEqualTo("4bf92f3577b34da6a3ce929d0e0e4736");
        assertThat(DeliveryProcessor.traceOf(withHeaders(Map.of("traceparent", parent))).spanId()).isNotEqualTo("00f067aa0ba902b7");
        assertThat(DeliveryProcessor.traceOf(withHeaders(Map.of("traceparent", "garbage"))).traceId()).hasSize(32);
    }

    private static AMQP.BasicProperties withHeaders(Map<String, Object> headers) {
        return new AMQP.BasicProperties.Builder().headers(headers).build();
    }
}
