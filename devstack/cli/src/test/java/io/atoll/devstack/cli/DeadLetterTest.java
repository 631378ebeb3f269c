package io.atoll.devstack.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.rabbitmq.client.AMQP;
import com.rabbitmq.client.Envelope;
import com.rabbitmq.client.GetResponse;
import com.rabbitmq.client.impl.LongStringHelper;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Arrays;
import java.util.Date;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.OptionalLong;

import static org.assertj.core.api.Assertions.assertThat;

/** A dead letter as the broker hands it over (its {@code x-death} header as RabbitMQ writes it), and as `atoll dlq` shows it. */
class DeadLetterTest {
    private static final Instant DIED = Instant.parse("2025-03-04T10:15:30Z");

    @Test
    void itsLatestDeathSaysWhyWhenAndWhereAndItsOtherHeadersAreKeptAsPlainValues() {
        DeadLetter letter = DeadLetter.of(deadLetter("{\"jobId\":\"j-1\"}".getBytes(StandardCharsets.UTF_8)));

        assertThat(letter.messageId()).contains("m-1");
        assertThat(letter.reason()).isEqualTo("rejected");
        assertThat(letter.count()).isEqualTo(2);
        assertThat(letter.time()).contains(DIED);
        assertThat(letter.queue()).isEqualTo("workers.jobs");
        assertThat(letter.routingKey()).isEqualTo("workers.jobs");
        assertThat(letter.headers()).containsExactly(Map.entry("traceparent", "00-abc-def-01"), Map.entry("x-atoll-attempt", 3),
                Map.entry("x-first-death-reason", "expired"));
        assertThat(letter.contentType()).contains("application/json");
        assertThat(letter.body()).isEqualTo("{\"jobId\":\"j-1\"}");
        assertThat(letter.bodyBase64()).isFalse();
        assertThat(letter.bodyTruncated()).isFalse();
    }

    @Test
    void onlyTheFirst2KiBOfTheBodyAreShownAndBytesThatAreNotTextAsBase64() {
        byte[] text = ("é".repeat(1024) + "tail").getBytes(StandardCharsets.UTF_8);
        byte[] binary = new byte[3000];
        Arrays.fill(binary, (byte) 0xff);

        DeadLetter longText = DeadLetter.of(deadLetter(text));
        DeadLetter cutInACharacter = DeadLetter.of(deadLetter(("a" + "é".repeat(1024)).getBytes(StandardCharsets.UTF_8)));
        DeadLetter notText = DeadLetter.of(deadLetter(binary));

        assertThat(longText.bodyBytes()).isEqualTo(2052);
        assertThat(longText.bodyTruncated()).isTrue();
        assertThat(longText.body()).isEqualTo("é".repeat(1024));
        assertThat(cutInACharacter.bodyBase64()).isFalse();
        assertThat(cutInACharacter.body()).isEqualTo("a" + "é".repeat(1023));
        assertThat(notText.bodyBase64()).isTrue();
        assertThat(notText.body()).hasSize(2732).startsWith("////");
    }

    @Test
    void aReplayKeepsEveryPropertyButCountsTheAttemptsAfreshAndForgetsTheDeaths() {
        AMQP.BasicProperties dead = deadLetter(new byte[0]).getProps();
        Map<String, Object> delivered = new HashMap<>(dead.getHeaders());
        delivered.put("x-delivery-count", 2L);

        AMQP.BasicProperties replayed = DeadLetters.replayed(dead.builder().headers(delivered).build());

        assertThat(replayed.getMessageId()).isEqualTo("m-1");
        assertThat(replayed.getContentType()).isEqualTo("application/json");
        assertThat(replayed.getDeliveryMode()).isEqualTo(2);
        assertThat(replayed.getHeaders()).containsOnlyKeys("x-atoll-attempt", "traceparent").containsEntry("x-atoll-attempt", 1);
    }

    @Test
    void showIsABlockPerDeadLetterAndJsonForPrograms() throws Exception {
        List<DeadLetter> letters = List.of(DeadLetter.of(deadLetter("{\"jobId\":\"j-1\"}".getBytes(StandardCharsets.UTF_8))));

        String text = DeadLetterView.letters("workers.jobs", letters);
        JsonNode json = new ObjectMapper().readTree(DeadLetterView.lettersJson(letters));

        assertThat(text).startsWith("workers.jobs.dead: the first 1\n")
                .containsPattern("(?m)^message\\s+m-1$")
                .containsPattern("(?m)^died\\s+rejected in workers.jobs 2 times, last at 2025-03-04T10:15:30Z$")
                .containsPattern("(?m)^sent to\\s+workers.jobs$")
                .containsPattern("(?m)^headers\\s+\\{\"traceparent\":\"00-abc-def-01\",\"x-atoll-attempt\":3,\"x-first-death-reason\":\"expired\"}$")
                .containsPattern("(?m)^body\\s+15 bytes, application/json\\n  \\{\"jobId\":\"j-1\"}$");
        assertThat(json.get(0).path("messageId").asText()).isEqualTo("m-1");
        assertThat(json.get(0).path("count").asInt()).isEqualTo(2);
        assertThat(json.get(0).path("time").asText()).isEqualTo("2025-03-04T10:15:30Z");
        assertThat(json.get(0).path("bodyEncoding").asText()).isEqualTo("utf-8");
        assertThat(DeadLetterView.letters("workers.jobs", List.of())).isEqualTo("workers.jobs.dead: no dead letters\n");
        assertThat(DeadLetterView.replayed("workers.jobs", letters.get(0)))
                .isEqualTo("replayed m-1 to workers.jobs (it had died: rejected in workers.jobs 2 times, last at 2025-03-04T10:15:30Z)");
    }

    @Test
    void listIsATableOfEachQueueAndItsDeadLettersWithADashForAQueueThatIsNotThere() throws Exception {
        List<DeadLetters.Depth> depths = List.of(new DeadLetters.Depth("workers.jobs", OptionalLong.of(4), OptionalLong.of(2)),
                new DeadLetters.Depth("workers.notifications", OptionalLong.empty(), OptionalLong.empty()));

        List<String> lines = DeadLetterView.depths(depths).lines().toList();
        JsonNode json = new ObjectMapper().readTree(DeadLetterView.depthsJson(depths));

        assertThat(lines.get(0)).containsPattern("^QUEUE\\s+QUEUED\\s+DEAD-LETTER QUEUE\\s+DEAD LETTERS$");
        assertThat(lines.get(1)).containsPattern("^workers.jobs\\s+4\\s+workers.jobs.dead\\s+2$");
        assertThat(lines.get(2)).containsPattern("^workers.notifications\\s+-\\s+workers.notifications.dead\\s+-$");
        assertThat(json.get(0).path("deadLetters").asInt()).isEqualTo(2);
        assertThat(json.get(1).path("deadLetters").isNull()).isTrue();
    }

    /** A message rejected twice from workers.jobs, as basicGet returns it from workers.jobs.dead. */
    private static GetResponse deadLetter(byte[] body) {
        Map<String, Object> death = new LinkedHashMap<>();
        death.put("count", 2L);
        death.put("reason", LongStringHelper.asLongString("rejected"));
        death.put("queue", LongStringHelper.asLongString("workers.jobs"));
        death.put("time", Date.from(DIED));
        death.put("exchange", LongStringHelper.asLongString(""));
        death.put("routing-keys", List.of(LongStringHelper.asLongString("workers.jobs")));
        Map<String, Object> headers = new LinkedHashMap<>();
        headers.put("x-atoll-attempt", 3);
        headers.put("traceparent", LongStringHelper.asLongString("00-abc-def-01"));
        headers.put("x-death", List.of(death));
        headers.put("x-first-death-reason", LongStringHelper.asLongString("expired"));
        AMQP.BasicProperties properties = new AMQP.BasicProperties.Builder().messageId("m-1").contentType("application/json")
                .deliveryMode(2).headers(headers).build();
        return new GetResponse(new Envelope(7, false, "", "workers.jobs.dead"), properties, body, 0);
    }
}
