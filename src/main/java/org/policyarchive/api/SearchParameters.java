package org.policyarchive.api;

import jakarta.servlet.http.HttpServletRequest;
import java.util.Map;
import org.policyarchive.search.InvalidSearchException;

/** Which query parameter of {@code /api/records} a search's error is about, for the problem's {@code parameter}. */
final class SearchParameters {

    private SearchParameters() {}

    static Map<String, String> faulty(InvalidSearchException invalid, HttpServletRequest request) {
        String code = invalid.messageCode();
        Object[] arguments = invalid.arguments();
        String parameter = switch (code) {
            case "search.error.page" -> "page";
            case "search.error.parameterTooLong" -> String.valueOf(arguments[0]);
            case "search.error.unknownPerson" -> "person";
            case "search.error.unknownRole" -> "role";
            case "search.error.unknownTheme" -> "theme";
            case "search.error.unknownKind" -> "kind";
            case "search.error.language" -> "lang";
            case "search.error.sort" -> "sort";
            case "search.error.reversedDates" -> "from";
            case "search.error.date" ->
                arguments.length > 0 && String.valueOf(arguments[0]).equals(request.getParameter("from"))
                        ? "from"
                        : "to";
            default -> "q";
        };
        return Map.of("parameter", parameter);
    }
}
