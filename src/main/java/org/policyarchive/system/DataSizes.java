package org.policyarchive.system;

import org.springframework.util.unit.DataSize;

/** Sizes as pages state limits. */
public final class DataSizes {

    private DataSizes() {}

    /** "20 MB", or "2 GB" from a gigabyte up (whole units, rounded down). */
    public static String readable(DataSize size) {
        return size.toMegabytes() >= 1024 ? size.toGigabytes() + " GB" : size.toMegabytes() + " MB";
    }
}
