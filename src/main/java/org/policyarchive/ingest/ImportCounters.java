package org.policyarchive.ingest;

/** A running job's counters, saved with every batch so that the page shows what has been committed. */
final class ImportCounters {

    long linesRead;
    long bytesRead;
    long imported;
    long skipped;
    long rejected;

    ImportCounters copy() {
        ImportCounters copy = new ImportCounters();
        copy.linesRead = linesRead;
        copy.bytesRead = bytesRead;
        copy.imported = imported;
        copy.skipped = skipped;
        copy.rejected = rejected;
        return copy;
    }
}
