package org.policyarchive.catalogue;

import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import org.policyarchive.system.ReaderLocales;
import org.policyarchive.theme.Theme;
import org.policyarchive.theme.ThemeVocabulary.ThemeNode;

/**
 * The order of the themes lists in the reader's language (docs/reading.md): the editors' order, and by their name in
 * the reader's language where the editors gave none. People are in family-name order (person.PersonName).
 */
final class ReadingOrder {

    private ReadingOrder() {}

    static List<ThemeNode> themes(List<ThemeNode> tree, Locale locale) {
        Comparator<Theme> order = Comparator.comparingInt(Theme::getPosition)
                .thenComparing(theme -> theme.localizedName(locale), ReaderLocales.collator(locale));
        return tree.stream()
                .sorted(Comparator.comparing(ThemeNode::theme, order))
                .map(node -> new ThemeNode(
                        node.theme(), node.children().stream().sorted(order).toList()))
                .toList();
    }
}
