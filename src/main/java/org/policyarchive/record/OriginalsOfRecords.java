package org.policyarchive.record;

import java.util.List;

/**
 * The original files a record was made from, for its history page: implemented by the module that keeps uploaded
 * originals, which depends on this one, so that this module need not know it.
 */
public interface OriginalsOfRecords {

    /** The originals of record {@code recordId}, oldest first. */
    List<Original> of(long recordId);

    /** An original as the history page lists it, with the address it is downloaded from. */
    record Original(String fileName, String mediaType, long sizeBytes, String sha256, String downloadPath) {}
}
