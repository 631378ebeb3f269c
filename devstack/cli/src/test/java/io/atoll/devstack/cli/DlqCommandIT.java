package io.atoll.devstack.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.rabbitmq.client.AMQP;
import com.rabbitmq.client.Channel;
import com.rabbitmq.client.Connection;
import com.rabbitmq.client.GetResponse;
import io.atoll.devstack.cli.support.CellVhost;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.StreamSupport;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * `atoll dlq` against the machine's real RabbitMQ, in a cell vhost of the test's own holding the workers' queue topology
 * (quorum queues, each dead-lettering through the default exchange to its {@code .dead} queue) and real dead letters:
 * messages the broker dead-lettered because a consumer rejected them.
 */
class DlqCommandIT {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String JOBS = "workers.jobs";

    @TempDir
    Path state;

    private CellVhost cell;
    private Connection connection;

    @BeforeEach
    void aCellWithTheWorkersQueues() throws Exception {
        cell = CellVhost.create();
        Files.write(state.resolve(PlatformOptions.RECORD_FILE), List.of("--regions=" + cell.region(),
                "--rabbitmq-host=" + cell.endpoint().host(), "--rabbitmq-port=" + cell.endpoint().port()));
        connection = cell.connect();
        // As the workers declare them: durable quorum queues, each dead-lettering to its .dead queue through the default exchange.
        try (Channel channel = connection.createChannel()) {
            for (String queue : DeadLetters.QUEUES) {
                channel.queueDeclare(queue + ".dead", true, false, false, Map.of("x-queue-type", "quorum", "x-delivery-limit", Integer.MAX_VALUE));
                channel.queueDeclare(queue, true, false, false, Map.of("x-queue-type", "quorum", "x-dead-letter-exchange", "",
                        "x-dead-letter-routing-key", queue + ".dead"));
            }
        }
    }

    @AfterEach
    void dropTheCell() throws Exception {
        try {
            connection.close();
        } finally {
            cell.close();
        }
    }

    @Test
    void listCountsTheMessagesOfEachWorkersQueueAndOfItsDeadLetterQueue() throws Exception {
        rejected(JOBS, "m-1", "m-2");
        publish("workers.notifications", "n-1");

        CommandRun json = dlq("list", "--json");
        CommandRun table = dlq("list");

        assertThat(json.exit()).as(json.err()).isZero();
        assertThat(JSON.readTree(json.out()).toString()).isEqualTo("["
                + "{\"queue\":\"workers.job-requests\",\"queued\":0,\"deadLetterQueue\":\"workers.job-requests.dead\",\"deadLetters\":0},"
                + "{\"queue\":\"workers.jobs\",\"queued\":0,\"deadLetterQueue\":\"workers.jobs.dead\",\"deadLetters\":2},"
                + "{\"queue\":\"workers.notifications\",\"queued\":1,\"deadLetterQueue\":\"workers.notifications.dead\",\"deadLetters\":0}]");
        assertThat(table.out()).containsPattern("(?m)^workers.jobs\\s+0\\s+workers.jobs.dead\\s+2$");
    }

    @Test
    void showTellsWhyEachDiedAndLeavesEveryOneInItsPlace() throws Exception {
        rejected(JOBS, "m-1", "m-2", "m-3");

        CommandRun firstTwo = dlq("show", "--queue", JOBS, "--limit", "2", "--json");

        assertThat(firstTwo.exit()).as(firstTwo.err()).isZero();
        JsonNode letters = JSON.readTree(firstTwo.out());
        assertThat(letters).hasSize(2);
        JsonNode first = letters.get(0);
        assertThat(first.path("messageId").asText()).isEqualTo("m-1");
        assertThat(first.path("reason").asText()).isEqualTo("rejected");
        assertThat(first.path("count").asInt()).isEqualTo(1);
        assertThat(first.path("queue").asText()).isEqualTo(JOBS);
        assertThat(first.path("routingKey").asText()).isEqualTo(JOBS);
        assertThat(first.path("time").asText()).isNotEmpty();
        assertThat(first.path("headers").path("x-atoll-attempt").asInt()).isEqualTo(3);
        assertThat(first.path("headers").path("traceparent").asText()).isEqualTo("00-trace-m-1-01");
        assertThat(first.path("body").asText()).isEqualTo("{\"job\":\"m-1\"}");
        assertThat(deadLetterIds(JOBS)).containsExactly("m-1", "m-2", "m-3");
        assertThat(dlq("show", "--queue", JOBS).out()).contains("workers.jobs.dead: the first 3")
                .containsPattern("(?m)^died\\s+rejected in workers.jobs once, last at ");
    }

    @Test
    void replayingOneSendsItBackToItsQueueWithItsIdAndAFreshAttemptCountAndTakesItFromTheDeadLetters() throws Exception {
        rejected(JOBS, "m-1", "m-2", "m-3");

        CommandRun replay = dlq("replay", "--queue", JOBS, "--message-id", "m-2");

        assertThat(replay.exit()).as(replay.err()).isZero();
        assertThat(replay.out()).contains("replayed m-2 to workers.jobs (it had died: rejected in workers.jobs once")
                .contains("replayed 1 dead letter from workers.jobs.dead to workers.jobs");
        assertThat(deadLetterIds(JOBS)).containsExactly("m-1", "m-3");
        try (Channel channel = connection.createChannel()) {
            GetResponse back = channel.basicGet(JOBS, true);
            assertThat(back.getProps().getMessageId()).isEqualTo("m-2");
            assertThat(back.getProps().getContentType()).isEqualTo("application/json");
            assertThat(back.getProps().getHeaders()).containsEntry("x-atoll-attempt", 1).doesNotContainKey("x-death");
            assertThat(back.getProps().getHeaders().get("traceparent")).hasToString("00-trace-m-2-01");
            assertThat(new String(back.getBody(), StandardCharsets.UTF_8)).isEqualTo("{\"job\":\"m-2\"}");
            assertThat(channel.basicGet(JOBS, true)).isNull();
        }
    }

    @Test
    void replayingAllSendsEveryOneBackInOrder() throws Exception {
        rejected(JOBS, "m-1", "m-2", "m-3");

        CommandRun replay = dlq("replay", "--queue", JOBS, "--all");

        assertThat(replay.exit()).as(replay.err()).isZero();
        assertThat(replay.out().lines().filter(line -> line.startsWith("replayed m-"))).hasSize(3);
        assertThat(deadLetterIds(JOBS)).isEmpty();
        List<String> back = new ArrayList<>();
        try (Channel channel = connection.createChannel()) {
            for (GetResponse message = channel.basicGet(JOBS, true); message != null; message = channel.basicGet(JOBS, true)) {
                back.add(message.getProps().getMessageId());
            }
        }
        assertThat(back).containsExactly("m-1", "m-2", "m-3");
    }

    @Test
    void aDeadLetterIsNeverLostWhenItCannotBeReplayed() throws Exception {
        rejected("workers.notifications", "n-1");
        try (Channel channel = connection.createChannel()) {
            channel.queueDelete("workers.notifications");
        }

        CommandRun noQueue = dlq("replay", "--queue", "workers.notifications", "--all");
        CommandRun noSuchMessage = dlq("replay", "--queue", JOBS, "--message-id", "m-9");

        assertThat(noQueue.exit()).isEqualTo(1);
        assertThat(noQueue.err().strip()).isEqualTo("atoll: there is no queue workers.notifications in vhost " + cell.vhost()
                + " (the cell's workers declare it when they start)");
        assertThat(deadLetterIds("workers.notifications")).containsExactly("n-1");
        assertThat(noSuchMessage.exit()).isEqualTo(1);
        assertThat(noSuchMessage.err().strip()).isEqualTo("atoll: no dead letter with message id m-9 in workers.jobs.dead (0 waiting)");
    }

    private CommandRun dlq(String... arguments) {
        List<String> line = new ArrayList<>(List.of("dlq"));
        line.addAll(List.of(arguments));
        line.addAll(List.of("--cell", cell.region(), "--state-dir", state.toString()));
        return CommandRun.of(line.toArray(String[]::new));
    }

    /** Published to the queue as the workers publish, then rejected by a consumer: the broker dead-letters each. */
    private void rejected(String queue, String... messageIds) throws Exception {
        long before = waiting(queue + ".dead");
        publish(queue, messageIds);
        try (Channel channel = connection.createChannel()) {
            for (int k = 0; k < messageIds.length; k++) {
                GetResponse message = channel.basicGet(queue, false);
                channel.basicReject(message.getEnvelope().getDeliveryTag(), false);
            }
        }
        await().atMost(Duration.ofSeconds(10)).until(() -> waiting(queue + ".dead") == before + messageIds.length);
    }

    private void publish(String queue, String... messageIds) throws Exception {
        try (Channel channel = connection.createChannel()) {
            channel.confirmSelect();
            for (String id : messageIds) {
                AMQP.BasicProperties properties = new AMQP.BasicProperties.Builder().messageId(id).contentType("application/json")
                        .deliveryMode(2).headers(Map.of("x-atoll-attempt", 3, "traceparent", "00-trace-" + id + "-01")).build();
                channel.basicPublish("", queue, properties, ("{\"job\":\"" + id + "\"}").getBytes(StandardCharsets.UTF_8));
            }
            channel.waitForConfirmsOrDie(10_000);
        }
    }

    private long waiting(String queue) throws Exception {
        try (Channel channel = connection.createChannel()) {
            return channel.queueDeclarePassive(queue).getMessageCount();
        }
    }

    /** The dead letters' ids in their order, as `dlq show` sees them. */
    private List<String> deadLetterIds(String queue) throws IOException {
        CommandRun show = dlq("show", "--queue", queue, "--limit", "100", "--json");
        assertThat(show.exit()).as(show.err()).isZero();
        return StreamSupport.stream(JSON.readTree(show.out()).spliterator(), false).map(letter -> letter.path("messageId").asText()).toList();
    }
}
