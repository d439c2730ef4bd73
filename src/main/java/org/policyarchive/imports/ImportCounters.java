package org.policyarchive.imports;

/** A running job's counters, saved with every batch so that the page shows what has been committed. */
final class ImportCounters {

    long linesRead;
    long bytesRead;
    long imported;
    long skipped;
    long rejected;

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
