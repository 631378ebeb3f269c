package io.atoll.cell.workers.messaging;

import com.rabbitmq.client.AMQP;
import com.rabbitmq.client.Channel;
import com.rabbitmq.client.Connection;
import com.rabbitmq.client.ConnectionFactory;
import io.atoll.testing.RabbitVhost;
import io.atoll.testing.TestServers;
import io.micronaut.context.ApplicationContext;
import io.micronaut.runtime.server.EmbeddedServer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The workers' queues on a real broker, when they are not as the workers declare them: a queue an earlier version
 * declared with other arguments makes the workers DOWN with the reason and the remedy, and a retry whose queue is
 * gone fails instead of being confirmed and dropped.
 */
class QueueDeclarationIT {
    private RabbitVhost vhost;
    private Connection connection;

    @BeforeEach
    void aVhostOfItsOwn() throws Exception {
        vhost = TestServers.rabbitmq().createVhost("workers_queues");
        ConnectionFactory factory = new ConnectionFactory();
        factory.setHost(vhost.host());
        factory.setPort(vhost.port());
        factory.setUsername(vhost.username());
        factory.setPassword(vhost.password());
        factory.setVirtualHost(vhost.name());
        connection = factory.newConnection();
    }

    @AfterEach
    void drop() throws IOException {
        connection.close();
        vhost.close();
    }

    @Test
    void aQueueDeclaredEarlierWithOtherArgumentsMakesTheWorkersDownWithTheRemedy() throws Exception {
        try (Channel channel = connection.createChannel()) {
            channel.queueDeclare("workers.jobs.dead", true, false, false, Map.of("x-queue-type", "quorum"));
        }

        try (EmbeddedServer workers = start()) {
            HttpResponse<String> health = health(workers);

            assertThat(health.statusCode()).isEqualTo(503);
            assertThat(health.body()).contains("\"queues\"").contains("PRECONDITION_FAILED").contains("rabbitmqctl delete_queue");
        }
    }

    @Test
    void aRetryWhoseQueueIsGoneFailsInsteadOfBeingDropped() throws Exception {
        try (EmbeddedServer workers = start()) {
            assertThat(health(workers).body()).contains("\"queues\"").doesNotContain("PRECONDITION_FAILED");
            WorkQueue jobs = workers.getApplicationContext().getBean(WorkQueues.class).all().stream()
                    .filter(queue -> queue.name().equals(WorkQueues.JOBS)).findFirst().orElseThrow();
            try (Channel channel = connection.createChannel()) {
                channel.queueDelete(jobs.retryQueue(0));
            }
            RabbitPublisher publisher = workers.getApplicationContext().getBean(RabbitPublisher.class);
            AMQP.BasicProperties properties = new AMQP.BasicProperties.Builder().messageId("job-1").build();

            assertThatThrownBy(() -> publisher.retry(jobs, properties, "{}".getBytes(StandardCharsets.UTF_8), 1))
                    .isInstanceOf(PublishFailedException.class)
                    .hasMessageContaining("no queue took message job-1");
        }
    }

    private EmbeddedServer start() throws IOException {
        Map<String, Object> properties = new HashMap<>(vhost.micronautProperties());
        properties.put("micronaut.server.port", freePort());
        properties.put("endpoints.all.port", freePort());
        // Storage is no part of this: nothing arrives to be handled.
        properties.put("atoll.workers.storage.url", "http://127.0.0.1:" + freePort());
        properties.put("atoll.workers.storage.token-url", "http://127.0.0.1:" + freePort() + "/oauth/token");
        properties.put("atoll.workers.storage.client-secret", "unused");
        properties.put("atoll.workers.cleanup.enabled", false);
        return ApplicationContext.run(EmbeddedServer.class, properties, "test");
    }

    private static HttpResponse<String> health(EmbeddedServer workers) throws IOException, InterruptedException {
        int port = workers.getApplicationContext().getRequiredProperty("endpoints.all.port", Integer.class);
        return HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/health")).build(),
                HttpResponse.BodyHandlers.ofString());
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }
}
