package io.atoll.cell.jobs;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;

import java.io.IOException;
import java.io.InputStream;
import java.io.PrintStream;
import java.util.Optional;

import static java.util.Objects.requireNonNull;

/**
 * Runs one job: {@code java -jar atoll-jobs.jar <kind>} with the spec as one JSON object on standard input. The
 * result is printed as one JSON object on standard output; everything else goes to standard error.
 */
public final class JobMain {
    /** The job succeeded and printed its result. */
    public static final int EXIT_SUCCEEDED = 0;
    /** The job failed in a way that a retry may not meet again (an I/O error, a crash). */
    public static final int EXIT_FAILED = 1;
    /** The argument, the spec or the input it names can never work: retrying is useless. */
    public static final int EXIT_REJECTED = 2;

    private static final ObjectMapper JSON = new ObjectMapper()
            .disable(SerializationFeature.FAIL_ON_EMPTY_BEANS);

    private final JobCatalog catalog;

    public JobMain(JobCatalog catalog) {
        this.catalog = requireNonNull(catalog, "catalog is null");
    }

    public static void main(String[] args) {
        System.setProperty("java.awt.headless", "true");
        PrintStream results = System.out;
        // Standard output carries the result alone: whatever a library prints goes with the diagnostics.
        System.setOut(System.err);
        System.exit(new JobMain(JobCatalog.standard()).run(args, System.in, results, System.err));
    }

    /** Runs the job named by {@code args} and answers the process's exit code. */
    public int run(String[] args, InputStream stdin, PrintStream stdout, PrintStream stderr) {
        Optional<Job> job = args.length == 1 ? catalog.job(args[0]) : Optional.empty();
        if (job.isEmpty()) {
            stderr.println("usage: java -jar atoll-jobs.jar <kind> < spec.json, where kind is one of "
                    + String.join(", ", catalog.kinds()));
            return EXIT_REJECTED;
        }
        String kind = job.get().kind();
        try {
            Record result = job.get().run(JobSpec.parse(stdin.readAllBytes()));
            stdout.println(JSON.writeValueAsString(result));
            stdout.flush();
            return EXIT_SUCCEEDED;
        } catch (InvalidJobInputException e) {
            // One line, whatever a decoder or parser put in the message: the workers keep stderr as the reason.
            stderr.println(kind + ": rejected: " + e.getMessage().replaceAll("\\s*\\R\\s*", " "));
            return EXIT_REJECTED;
        } catch (JsonProcessingException e) {
            stderr.println(kind + ": the result could not be written as JSON: " + e.getOriginalMessage());
            return EXIT_FAILED;
        } catch (IOException | RuntimeException e) {
            // The trace first: the workers keep the last line as the reason, and an operator reads that one first.
            e.printStackTrace(stderr);
            stderr.println(kind + ": failed: " + e);
            return EXIT_FAILED;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            stderr.println(kind + ": interrupted");
            return EXIT_FAILED;
        }
    }
}
