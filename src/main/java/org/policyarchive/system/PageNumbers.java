package org.policyarchive.system;

/** The page of a paged list that a URL asks for. */
public final class PageNumbers {

    private PageNumbers() {}

    /**
     * The page asked for, at least {@code first} (the list's first page, 0 or 1), checked against the largest page a
     * list can reach: the offset of its first row must fit in an {@code int}, as Hibernate and the JDBC driver take it.
     *
     * @throws InvalidParameterException (a 400 page) for a page past that
     */
    public static int checked(int page, int first, int pageSize) {
        if (((long) page - first) * pageSize > Integer.MAX_VALUE) {
            throw new InvalidParameterException("page", String.valueOf(page), "error.parameter.pageTooLarge");
        }
        return Math.max(page, first);
    }
}
