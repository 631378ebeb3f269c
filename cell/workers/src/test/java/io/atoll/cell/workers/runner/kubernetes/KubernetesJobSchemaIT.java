package io.atoll.cell.workers.runner.kubernetes;

import io.fabric8.kubernetes.client.utils.KubernetesSerialization;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

import static io.atoll.cell.workers.runner.kubernetes.KubernetesRunnerFixtures.launch;
import static io.atoll.cell.workers.runner.kubernetes.KubernetesRunnerFixtures.settings;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;

/**
 * The Jobs the runner creates, rendered as YAML, checked against Kubernetes' own batch/v1 Job schema offline: the
 * npm package kubernetes-models (generated from Kubernetes' OpenAPI definitions) validates them under Node.
 * {@code kubectl create --dry-run=client} is no help here: it asks an API server for the kinds it knows even then.
 * The package is installed once into target/ and needs the npm registry for that; without it this test fails.
 */
class KubernetesJobSchemaIT {
    private static final Path VALIDATOR = Path.of("target", "kubernetes-models");
    private static final String PACKAGES = "kubernetes-models@5.1.0 js-yaml@4.1.0";
    private static final KubernetesSerialization SERIALIZATION = new KubernetesSerialization();

    @BeforeAll
    static void installTheValidator() throws Exception {
        Files.createDirectories(VALIDATOR);
        if (!Files.exists(VALIDATOR.resolve("node_modules/kubernetes-models/package.json"))
                || !Files.exists(VALIDATOR.resolve("node_modules/js-yaml/package.json"))) {
            List<String> install = new ArrayList<>(List.of("npm", "install", "--prefix", VALIDATOR.toString(),
                    "--no-audit", "--no-fund", "--loglevel=error"));
            install.addAll(List.of(PACKAGES.split(" ")));
            Result installed = run(install, Duration.ofMinutes(5));
            if (installed.exitCode() != 0) {
                fail("could not install the npm packages " + PACKAGES + " into " + VALIDATOR.toAbsolutePath()
                        + " (this test needs node, npm and the npm registry once): " + installed.output());
            }
        }
        try (InputStream script = KubernetesJobSchemaIT.class.getResourceAsStream("/kubernetes/validate-jobs.mjs")) {
            Files.copy(script, VALIDATOR.resolve("validate-jobs.mjs"), StandardCopyOption.REPLACE_EXISTING);
        }
    }

    @Test
    void everyShapeOfRenderedJobIsAValidBatchV1Job() throws Exception {
        Path plain = manifest("plain.yaml", SERIALIZATION.asYaml(new KubernetesJobTemplate(settings())
                .jobFor(launch("photo-thumbnails", "{\"input\":\"/work/original\",\"sizes\":[160]}", Duration.ofSeconds(90)), "atoll-eu-west-1")));
        Path shared = manifest("shared.yaml", SERIALIZATION.asYaml(new KubernetesJobTemplate(settings("atoll-jobs", "/var/lib/atoll/jobs"))
                .jobFor(launch("repository-scan", "{}", Duration.ofMinutes(30)), "atoll-eu-west-1")));

        Result validated = validate(plain, shared);

        assertThat(validated.output()).contains(plain + ": valid", shared + ": valid");
        assertThat(validated.exitCode()).as(validated.output()).isZero();
    }

    @Test
    void theValidatorRefusesWhatKubernetesWouldRefuse() throws Exception {
        String rendered = SERIALIZATION.asYaml(new KubernetesJobTemplate(settings()).jobFor(launch("noop", "{}", Duration.ofSeconds(5)), "ns"));
        assertThat(rendered).contains("backoffLimit: 0", "memory: \"512Mi\"");
        Path wrongType = manifest("wrong-type.yaml", rendered.replace("backoffLimit: 0", "backoffLimit: \"none\""));
        Path badQuantity = manifest("bad-quantity.yaml", rendered.replace("memory: \"512Mi\"", "memory: \"plenty\""));

        Result validated = validate(wrongType, badQuantity);

        assertThat(validated.exitCode()).isEqualTo(1);
        assertThat(validated.output()).contains(wrongType + ": invalid", "backoffLimit must be integer")
                .contains(badQuantity + ": invalid", "memory must match format \"quantity\"");
    }

    private static Path manifest(String name, String yaml) throws IOException {
        Path file = VALIDATOR.resolve("manifests").resolve(name);
        Files.createDirectories(file.getParent());
        Files.writeString(file, yaml);
        return file.toAbsolutePath();
    }

    private static Result validate(Path... manifests) throws Exception {
        List<String> command = new ArrayList<>(List.of("node", VALIDATOR.resolve("validate-jobs.mjs").toAbsolutePath().toString()));
        for (Path manifest : manifests) {
            command.add(manifest.toString());
        }
        return run(command, Duration.ofMinutes(1));
    }

    private record Result(int exitCode, String output) {
    }

    private static Result run(List<String> command, Duration limit) throws Exception {
        Path output = Files.createTempFile(VALIDATOR, "output", ".txt");
        Process process;
        try {
            process = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(output.toFile()).start();
        } catch (IOException missing) {
            return fail("could not start " + command.get(0) + " (this test needs node and npm on the PATH): " + missing.getMessage());
        }
        process.getOutputStream().close();
        if (!process.waitFor(limit.toSeconds(), TimeUnit.SECONDS)) {
            process.destroyForcibly().waitFor();
            fail(String.join(" ", command) + " took longer than " + limit + ": " + Files.readString(output));
        }
        Result result = new Result(process.exitValue(), Files.readString(output));
        Files.delete(output);
        return result;
    }
}
