package org.policyarchive.system;

/** How much of a record's date is known: a source may give only the month or the year. */
public enum DatePrecision {
    DAY,
    MONTH,
    YEAR
}
