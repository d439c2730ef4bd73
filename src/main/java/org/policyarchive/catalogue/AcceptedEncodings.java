package org.policyarchive.catalogue;

import jakarta.servlet.http.HttpServletRequest;
import java.util.Collections;
import java.util.Locale;

/** Reads a request's {@code Accept-Encoding}: whether the client takes gzip (RFC 9110, section 12.5.3). */
final class AcceptedEncodings {

    private AcceptedEncodings() {}

    /** Whether gzip is named with a weight above zero, or only {@code *} is, with a weight above zero. */
    static boolean gzip(HttpServletRequest request) {
        Boolean gzip = null;
        Boolean any = null;
        for (String header : Collections.list(request.getHeaders("Accept-Encoding"))) {
            for (String element : header.split(",")) {
                String[] parts = element.split(";");
                String coding = parts[0].strip().toLowerCase(Locale.ROOT);
                boolean accepted = weight(parts) > 0;
                if (coding.equals("gzip") || coding.equals("x-gzip")) {
                    gzip = accepted;
                } else if (coding.equals("*")) {
                    any = accepted;
                }
            }
        }
        return gzip != null ? gzip : any != null && any;
    }

    /** The element's {@code q}, 1 when it has none, 0 when it cannot be read. */
    private static double weight(String[] parts) {
        for (int i = 1; i < parts.length; i++) {
            String parameter = parts[i].strip();
            if (parameter.length() > 2 && parameter.substring(0, 2).equalsIgnoreCase("q=")) {
                try {
                    return Double.parseDouble(parameter.substring(2).strip());
                } catch (NumberFormatException e) {
                    return 0;
                }
            }
        }
        return 1;
    }
}
