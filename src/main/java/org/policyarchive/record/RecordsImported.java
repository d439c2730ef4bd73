package org.policyarchive.record;

import java.util.List;

/** A batch of a bulk import was written: the new records' ids, in the order of the file. */
public record RecordsImported(List<Long> recordIds, String importedBy) {

    public RecordsImported {
        recordIds = List.copyOf(recordIds);
    }
}
