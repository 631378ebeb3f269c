package io.atoll.cell.workers.runner.kubernetes;

/** The Kubernetes runner itself failed (the API refused or could not be reached); the job is tried again later. */
public final class KubernetesRunnerException extends RuntimeException {
    public KubernetesRunnerException(String message, Throwable cause) {
        super(message, cause);
    }

    public KubernetesRunnerException(String message) {
        super(message);
    }
}
