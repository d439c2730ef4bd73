package org.policyarchive.catalogue;

import java.text.Collator;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import org.policyarchive.person.Person;
import org.policyarchive.system.ReaderLocales;
import org.policyarchive.theme.Theme;
import org.policyarchive.theme.ThemeVocabulary.ThemeNode;

/**
 * The order of the people and themes lists in the reader's language (docs/reading.md): people by name, in Chinese by
 * their name in Chinese characters where the archive has one; themes in the editors' order, and by their name in the
 * reader's language where the editors gave none.
 */
final class ReadingOrder {

    private ReadingOrder() {}

    static List<Person> people(List<Person> people, Locale locale) {
        Collator collator = ReaderLocales.collator(locale);
        boolean chinese = locale.getLanguage().equals(ReaderLocales.CHINESE.getLanguage());
        return people.stream()
                .sorted(Comparator.comparing(
                        (Person person) -> chinese
                                        && person.getNativeName() != null
                                        && !person.getNativeName().isBlank()
                                ? person.getNativeName()
                                : person.getName(),
                        collator))
                .toList();
    }

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
