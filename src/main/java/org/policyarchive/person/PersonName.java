package org.policyarchive.person;

import java.text.Collator;
import java.util.Arrays;
import java.util.Collection;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import org.jspecify.annotations.Nullable;
import org.policyarchive.system.ReaderLocales;

/**
 * A person's name as citations and bibliographic metadata split it: family name and given names. A Chinese name keeps its family name first,
 * as Chinese writes it: a name in Han script is split after its surname (one character, or two for the compound
 * surnames below), and a romanised name of someone whose name in original script is Chinese ("Li Keqiang", 李克强) is
 * split after its first word. Any other name is read in Western order, the family name last ("Franklin D. Roosevelt"),
 * with a generational suffix ("Jr.") kept apart. A single word has no given name; a name written "Family, Given"
 * is read as written.
 *
 * @param hanScript whether the name is written in Han script (such a name is never inverted or initialised)
 */
public record PersonName(
        String family, @Nullable String given, @Nullable String suffix, boolean hanScript) {

    private static final Set<String> COMPOUND_SURNAMES = Set.of(
            "欧阳", "司马", "上官", "诸葛", "东方", "皇甫", "尉迟", "公孙", "令狐", "慕容", "夏侯", "长孙", "宇文", "司徒", "司空", "轩辕", "端木", "独孤",
            "南宫", "万俟", "闻人", "澹台", "公冶", "太史", "申屠", "钟离", "呼延", "歐陽", "司馬", "諸葛", "長孫");

    private static final Set<String> SUFFIXES = Set.of("Jr.", "Jr", "Sr.", "Sr", "II", "III", "IV");

    /**
     * The name a citation of a record in {@code recordLanguage} gives the person: in a Chinese record the name in
     * original script when it is Chinese, else the name the archive shows.
     */
    public static PersonName of(Person person, String recordLanguage) {
        String nativeName = person.getNativeName();
        boolean chineseNative = nativeName != null && isHan(nativeName);
        if (chineseNative && Locale.forLanguageTag(recordLanguage).getLanguage().equals("zh")) {
            return parse(nativeName.strip(), true);
        }
        return parse(person.getName().strip(), chineseNative);
    }

    /**
     * {@code people} in the order of an index of names for a reader of {@code language}: by family name, then given
     * names, as {@link #of} splits the name that reader sees (a Chinese reader a Chinese name in Chinese characters,
     * family first, as written); compared as that reader sorts (a Chinese reader by pinyin, Latin letters first;
     * an English reader with case and accents counting after the letters themselves). Each name is split once.
     */
    public static List<Person> inFamilyNameOrder(Collection<Person> people, Locale language) {
        Collator collator = ReaderLocales.collator(language);
        String tag = language.toLanguageTag();
        record Entry(Person person, PersonName name) {}
        return people.stream()
                .map(person -> new Entry(person, of(person, tag)))
                .sorted(Comparator.comparing((Entry e) -> e.name().family(), collator)
                        .thenComparing(
                                e -> e.name().given() == null ? "" : e.name().given(), collator)
                        .thenComparing(e -> e.person().getName(), collator)
                        .thenComparing(e -> e.person().getSlug()))
                .map(Entry::person)
                .toList();
    }

    /** {@code name} split, family first when {@code familyFirst} (or when it is written in Han script). */
    public static PersonName parse(String name, boolean familyFirst) {
        if (isHan(name) && !name.contains(" ")) {
            int surname = name.length() > 2 && COMPOUND_SURNAMES.contains(name.substring(0, 2)) ? 2 : 1;
            String given = name.substring(surname);
            return new PersonName(name.substring(0, surname), given.isEmpty() ? null : given, null, true);
        }
        int comma = name.indexOf(',');
        if (comma > 0 && comma < name.length() - 1) {
            return new PersonName(
                    name.substring(0, comma).strip(), name.substring(comma + 1).strip(), null, isHan(name));
        }
        List<String> words = Arrays.asList(name.split("\\s+"));
        if (words.size() == 1) {
            return new PersonName(name, null, null, false);
        }
        if (familyFirst) {
            return new PersonName(words.get(0), String.join(" ", words.subList(1, words.size())), null, false);
        }
        String suffix = null;
        if (words.size() > 2 && SUFFIXES.contains(words.get(words.size() - 1))) {
            suffix = words.get(words.size() - 1);
            words = words.subList(0, words.size() - 1);
        }
        String family = words.get(words.size() - 1).replaceAll(",$", "");
        return new PersonName(family, String.join(" ", words.subList(0, words.size() - 1)), suffix, false);
    }

    /** A name in Han script written whole, as Chinese writes it: 李克强. */
    public String han() {
        return given == null ? family : family + given;
    }

    /** "Family, Given" (and ", Suffix"), as BibTeX and RIS write a name; a single word stays as it is. */
    public String inverted() {
        if (given == null) {
            return family;
        }
        return family + ", " + given + (suffix == null ? "" : ", " + suffix);
    }

    /** The name family first: "Li, Keqiang", "Roosevelt, Franklin D.", but a name in Han script whole (李克强). */
    public String familyFirst() {
        return hanScript ? han() : inverted();
    }

    private static boolean isHan(String text) {
        return text.codePoints().anyMatch(c -> Character.UnicodeScript.of(c) == Character.UnicodeScript.HAN);
    }
}
