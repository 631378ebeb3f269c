package io.atoll.devstack.server.s3;

import io.atoll.devstack.process.OwnedProcess;
import io.atoll.devstack.process.Processes;
import io.atoll.devstack.server.Answer;
import io.atoll.devstack.server.Endpoint;
import io.atoll.devstack.server.JavaRuntimes;
import io.atoll.devstack.server.Progress;
import io.atoll.devstack.server.Readiness;
import io.atoll.devstack.server.Server;
import io.atoll.devstack.server.ServerClasspath;
import software.amazon.awssdk.http.SdkHttpMethod;
import software.amazon.awssdk.http.SdkHttpRequest;
import software.amazon.awssdk.http.auth.aws.signer.AwsV4HttpSigner;
import software.amazon.awssdk.identity.spi.AwsCredentialsIdentity;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;

import static java.util.Objects.requireNonNull;

/**
 * The object store: a running S3 server where one answers with this account, otherwise S3Proxy from Maven
 * Central, run as a JVM of its own on JDK 17 with its objects as files in the platform's state folder.
 */
public final class S3ProxyServer implements Server {
    public static final String NAME = "s3";
    private static final String MAIN_CLASS = "org.gaul.s3proxy.Main";
    private static final HttpClient HTTP = HttpClient.newBuilder()
            .version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofMillis(500))
            .build();

    private final Endpoint endpoint;
    private final S3Account account;

    public S3ProxyServer(Endpoint endpoint, S3Account account) {
        this.endpoint = requireNonNull(endpoint, "endpoint is null");
        this.account = requireNonNull(account, "account is null");
    }

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public Endpoint endpoint() {
        return endpoint;
    }

    @Override
    public String portSetting() {
        return "--s3-port / ATOLL_S3_PORT";
    }

    /** Where S3 clients send their requests, addressing buckets by path. */
    public URI url() {
        return URI.create("http://" + endpoint);
    }

    public S3Account account() {
        return account;
    }

    /**
     * Lists the buckets with a signed request: only an S3 server that accepts this account is ready. Another
     * S3 server, or one that refuses these keys, is of no use to the platform and counts as foreign.
     */
    @Override
    public Answer probe() {
        try {
            HttpResponse<String> response = HTTP.send(signedListBuckets(), HttpResponse.BodyHandlers.ofString());
            if (response.statusCode() == 200 && response.body().contains("<ListAllMyBucketsResult")) {
                return Answer.READY;
            }
            boolean s3Error = response.body().contains("<Error>");
            return response.statusCode() == 503 && s3Error ? Answer.STARTING : Answer.FOREIGN;
        } catch (IOException e) {
            return Readiness.classify(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return Answer.SILENT;
        }
    }

    private HttpRequest signedListBuckets() {
        URI uri = url().resolve("/");
        SdkHttpRequest unsigned = SdkHttpRequest.builder().method(SdkHttpMethod.GET).uri(uri).build();
        SdkHttpRequest signed = AwsV4HttpSigner.create().sign(request -> request
                        .identity(AwsCredentialsIdentity.create(account.accessKey(), account.secretKey()))
                        .request(unsigned)
                        .putProperty(AwsV4HttpSigner.SERVICE_SIGNING_NAME, "s3")
                        .putProperty(AwsV4HttpSigner.REGION_NAME, account.region()))
                .request();
        HttpRequest.Builder request = HttpRequest.newBuilder(uri).timeout(Duration.ofSeconds(2)).GET();
        // The HTTP client writes Host itself, from the same URI the signature covers.
        signed.headers().forEach((name, values) -> {
            if (!"host".equalsIgnoreCase(name)) {
                values.forEach(value -> request.header(name, value));
            }
        });
        return request.build();
    }

    @Override
    public OwnedProcess start(Path home, Progress progress) throws IOException {
        Path log = home.resolve("s3proxy.log");
        Path properties = S3ProxyConfig.write(endpoint, account, home);
        List<String> command = List.of(JavaRuntimes.jdk17().toString(), "-Xms64m", "-Xmx128m", "-XX:+UseSerialGC",
                "-XX:+ExitOnOutOfMemoryError",
                // S3Proxy's own logging set-up draws a warning that logback would print with all its status lines.
                "-Dlogback.statusListenerClass=ch.qos.logback.core.status.NopStatusListener",
                "-cp", ServerClasspath.read("atoll/s3proxy.classpath", "S3Proxy"), MAIN_CLASS, "--properties", properties.toString());
        progress.report(NAME, "starting S3Proxy on " + endpoint + " (objects in " + home.resolve("objects") + ")");
        Process process = Processes.spawnDetached(command, Map.of(), home, log);
        Readiness.awaitStarted(this, process, Duration.ofSeconds(60), log);
        return OwnedProcess.of(NAME, process.toHandle(), log, Map.of("home", home.toString()));
    }

    @Override
    public void stop(OwnedProcess process) throws IOException {
        var live = process.live();
        if (live.isPresent()) {
            Processes.terminate(live.get(), Duration.ofSeconds(20));
        }
    }
}
