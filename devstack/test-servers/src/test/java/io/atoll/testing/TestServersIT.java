package io.atoll.testing;

import com.datastax.oss.driver.api.core.CqlSession;
import com.datastax.oss.driver.api.core.cql.Row;
import com.datastax.oss.driver.api.core.cql.SimpleStatement;
import com.rabbitmq.client.Channel;
import com.rabbitmq.client.Connection;
import com.rabbitmq.client.ConnectionFactory;
import com.rabbitmq.client.GetResponse;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.core.checksums.RequestChecksumCalculation;
import software.amazon.awssdk.core.checksums.ResponseChecksumValidation;
import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.model.NoSuchBucketException;

import java.io.IOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class TestServersIT {
    @Test
    void eachTestGetsADatabaseOfItsOwnThatIsDroppedAfterwards() throws SQLException {
        String url;
        try (PostgresDatabase first = TestServers.postgres().createDatabase("orders");
             PostgresDatabase second = TestServers.postgres().createDatabase("orders")) {
            assertThat(first.name()).startsWith("orders_").isNotEqualTo(second.name());
            try (var connection = DriverManager.getConnection(first.jdbcUrl(), first.username(), first.password());
                 Statement statement = connection.createStatement()) {
                statement.execute("CREATE TABLE item (id int PRIMARY KEY)");
                statement.execute("INSERT INTO item VALUES (1), (2)");
                ResultSet count = statement.executeQuery("SELECT count(*) FROM item");
                count.next();
                assertThat(count.getInt(1)).isEqualTo(2);
            }
            try (var connection = DriverManager.getConnection(second.jdbcUrl(), second.username(), second.password());
                 Statement statement = connection.createStatement()) {
                assertThatThrownBy(() -> statement.executeQuery("SELECT * FROM item")).isInstanceOf(SQLException.class);
            }
            url = first.jdbcUrl();
        }
        String dropped = url;
        assertThatThrownBy(() -> DriverManager.getConnection(dropped, "postgres", "").close()).isInstanceOf(SQLException.class);
    }

    @Test
    void eachTestGetsAVhostOfItsOwn() throws Exception {
        try (RabbitVhost first = TestServers.rabbitmq().createVhost("workers");
             RabbitVhost second = TestServers.rabbitmq().createVhost("workers")) {
            try (Connection connection = connect(first); Channel channel = connection.createChannel()) {
                channel.queueDeclare("jobs", true, false, false, null);
                channel.basicPublish("", "jobs", null, "thumbnail".getBytes(StandardCharsets.UTF_8));
                GetResponse message = pollUntilDelivered(channel, "jobs");
                assertThat(new String(message.getBody(), StandardCharsets.UTF_8)).isEqualTo("thumbnail");
            }
            try (Connection connection = connect(second)) {
                // The refused declare closes the channel, so it is not closed again here.
                Channel channel = connection.createChannel();
                assertThatThrownBy(() -> channel.queueDeclarePassive("jobs")).isInstanceOf(IOException.class)
                        .hasStackTraceContaining("NOT_FOUND");
            }
        }
    }

    @Test
    void eachTestGetsAKeyspaceOfItsOwnOnTheProjectsCassandra() {
        try (CassandraKeyspace keyspace = TestServers.cassandra().createKeyspace("app");
             CqlSession session = keyspace.session()) {
            session.execute(SimpleStatement.newInstance("CREATE TABLE device (id uuid PRIMARY KEY, name text)").setTimeout(Duration.ofSeconds(60)));
            session.execute("INSERT INTO device (id, name) VALUES (uuid(), 'phone')");
            Row row = session.execute("SELECT name FROM device").one();
            assertThat(row).isNotNull();
            assertThat(row.getString("name")).isEqualTo("phone");
            Row replication = session.execute("SELECT replication FROM system_schema.keyspaces WHERE keyspace_name = ?", keyspace.name()).one();
            assertThat(replication.getMap("replication", String.class, String.class))
                    .containsEntry("class", "org.apache.cassandra.locator.NetworkTopologyStrategy")
                    .containsEntry(TestServers.CASSANDRA_DATACENTER, "1");
        }
    }

    @Test
    void eachTestGetsABucketOfItsOwnThatIsDeletedWithItsObjects() {
        TestS3 store = TestServers.s3();
        String name;
        try (S3Client client = client(store)) {
            try (S3Bucket bucket = store.createBucket("Uploads_Test")) {
                name = bucket.name();
                assertThat(name).startsWith("uploads-test-").doesNotContain("_");
                client.putObject(request -> request.bucket(name).key("members/1/photo.jpg").contentType("image/jpeg"),
                        RequestBody.fromString("jpeg bytes"));
                assertThat(client.getObjectAsBytes(request -> request.bucket(name).key("members/1/photo.jpg")).asUtf8String())
                        .isEqualTo("jpeg bytes");
                assertThat(client.listBuckets().buckets()).anyMatch(listed -> listed.name().equals(name));
                Map<String, String> properties = bucket.micronautProperties();
                assertThat(properties).containsEntry("atoll.storage.s3.bucket", name)
                        .containsEntry("atoll.storage.s3.endpoint", store.endpoint().toString())
                        .containsEntry("atoll.storage.s3.region", store.region())
                        .containsEntry("atoll.storage.s3.access-key", store.accessKey())
                        .containsEntry("atoll.storage.s3.secret-key", store.secretKey())
                        .containsEntry("atoll.storage.s3.path-style", "true");
            }
            assertThat(client.listBuckets().buckets()).noneMatch(listed -> listed.name().equals(name));
            assertThatThrownBy(() -> client.headBucket(request -> request.bucket(name))).isInstanceOf(NoSuchBucketException.class);
        }
    }

    /** An S3 client as the storage service makes one from the bucket's settings. */
    private static S3Client client(TestS3 store) {
        return S3Client.builder()
                .endpointOverride(URI.create(store.endpoint().toString()))
                .region(Region.of(store.region()))
                .credentialsProvider(StaticCredentialsProvider.create(AwsBasicCredentials.create(store.accessKey(), store.secretKey())))
                .forcePathStyle(true)
                .requestChecksumCalculation(RequestChecksumCalculation.WHEN_REQUIRED)
                .responseChecksumValidation(ResponseChecksumValidation.WHEN_REQUIRED)
                .build();
    }

    private static Connection connect(RabbitVhost vhost) throws Exception {
        ConnectionFactory factory = new ConnectionFactory();
        factory.setHost(vhost.host());
        factory.setPort(vhost.port());
        factory.setUsername(vhost.username());
        factory.setPassword(vhost.password());
        factory.setVirtualHost(vhost.name());
        return factory.newConnection();
    }

    /** basicGet may run before the broker has enqueued the publish; poll with a deadline instead of waiting blindly. */
    private static GetResponse pollUntilDelivered(Channel channel, String queue) throws Exception {
        long deadline = System.nanoTime() + 5_000_000_000L;
        GetResponse response;
        while ((response = channel.basicGet(queue, true)) == null) {
            assertThat(System.nanoTime()).as("a message on %s within 5 s", queue).isLessThan(deadline);
            Thread.onSpinWait();
        }
        return response;
    }
}
