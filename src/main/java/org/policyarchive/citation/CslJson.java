package org.policyarchive.citation;

import de.undercouch.citeproc.helper.json.MapJsonBuilderFactory;
import java.util.List;
import tools.jackson.databind.SerializationFeature;
import tools.jackson.databind.json.JsonMapper;

/**
 * A cited work as CSL-JSON: an array holding the one item that the styles render (names as family and given name),
 * its keys in alphabetical order, indented, so that the file reads and compares easily.
 */
final class CslJson {

    private static final JsonMapper JSON = JsonMapper.builder()
            .enable(SerializationFeature.ORDER_MAP_ENTRIES_BY_KEYS, SerializationFeature.INDENT_OUTPUT)
            .build();

    private CslJson() {}

    static String items(CitedWork work) {
        Object item = CslItems.exported(work).toJson(new MapJsonBuilderFactory().createJsonBuilder());
        return JSON.writeValueAsString(List.of(item)) + "\n";
    }
}
