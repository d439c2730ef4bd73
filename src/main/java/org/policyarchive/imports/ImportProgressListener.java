package org.policyarchive.imports;

/** Hears a job's state after each committed batch and at the end (the command line prints it). */
@FunctionalInterface
interface ImportProgressListener {

    ImportProgressListener NONE = job -> {};

    void batchCommitted(ImportJobView job);

    /** Hears the job as it stands while a batch is written, before the batch is committed. */
    default void progressed(ImportJobView job) {}
}
