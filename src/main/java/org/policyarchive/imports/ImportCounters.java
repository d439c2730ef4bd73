package org.policyarchive.imports;

/**
 * A running job's counters: saved with every batch, so that a resumed job reads on after its last committed line, and
 * shown as they move while a batch is written ({@link BulkImporter#current}).
 */
final class ImportCounters {

    long linesRead;
    long bytesRead;
    long imported;
    long skipped;
    long rejected;

    /** The counters of a job as committed so far: zero for a new one, where it stopped for a resumed one. */
    static ImportCounters of(ImportJobView job) {
        ImportCounters counters = new ImportCounters();
        counters.linesRead = job.linesRead();
        counters.bytesRead = job.bytesRead();
        counters.imported = job.recordsImported();
        counters.skipped = job.recordsSkipped();
        counters.rejected = job.linesRejected();
        return counters;
    }

    ImportCounters copy() {
        ImportCounters copy = new ImportCounters();
        copyInto(copy);
        return copy;
    }

    void copyInto(ImportCounters other) {
        other.linesRead = linesRead;
        other.bytesRead = bytesRead;
        other.imported = imported;
        other.skipped = skipped;
        other.rejected = rejected;
    }
}
