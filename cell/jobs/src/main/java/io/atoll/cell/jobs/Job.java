package io.atoll.cell.jobs;

import java.io.IOException;

/**
 * One kind of job program: reads its spec, does its work and answers with a result that {@link JobMain} prints as
 * one JSON object.
 */
public interface Job {
    /** The name the workers run it by, the program's only argument (e.g. {@code photo-thumbnails}). */
    String kind();

    /**
     * Runs the job once.
     *
     * @return the result, a record whose components become the JSON object's fields
     * @throws InvalidJobInputException when the spec, or the input it names, can never work: retrying is useless
     * @throws IOException when reading or writing failed in a way that a retry may not meet again
     */
    Record run(JobSpec spec) throws IOException, InterruptedException;
}
