package org.policyarchive.system;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStreamReader;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Attribute;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.jsoup.nodes.TextNode;
import org.jsoup.parser.Parser;
import org.junit.jupiter.api.Test;
import org.springframework.core.io.Resource;
import org.springframework.core.io.support.PathMatchingResourcePatternResolver;

/**
 * Every text a reader sees comes from the messages files, so that the archive can be translated: templates hold
 * no literal words, and every message key they use exists.
 */
class TemplateTextTests {

    /** Attributes a reader (or a screen reader) gets as text. */
    private static final Set<String> TEXT_ATTRIBUTES =
            Set.of("title", "alt", "aria-label", "aria-description", "placeholder", "label");

    private static final Set<String> BUTTON_INPUT_TYPES = Set.of("submit", "button", "reset");

    private static final List<String> BODY_REPLACING_ATTRIBUTES =
            List.of("text", "utext", "replace", "insert", "errors");

    /** Letters or digits make a text translatable; punctuation or whitespace alone does not. */
    private static final Pattern WORDS = Pattern.compile("[\\p{L}\\p{N}]");

    private static final Pattern MESSAGE_KEY = Pattern.compile("#\\{([A-Za-z][\\w.\\-]*)");
    private static final Pattern MESSAGES_CALL = Pattern.compile("#messages\\.msg\\w*\\(\\s*'([\\w.\\-]+)'\\s*[,)]");
    private static final Pattern BUNDLE_NAME = Pattern.compile("(messages(?:-[a-z]+)?)(?:_([A-Za-z_]+))?\\.properties");

    /** Names that read the same in English and Chinese. */
    private static final List<String> SAME_IN_BOTH_LANGUAGES =
            List.of("API", "OAI-PMH", "RSS", "UTF-8", "SHA-256", "GB/T 7714-2015");

    private static final Pattern ARGUMENT = Pattern.compile("\\{(\\d+)[^{}]*(\\{[^{}]*}[^{}]*)*}");
    private static final Pattern ARGUMENT_INDEX = Pattern.compile("\\{(\\d+)");
    private static final Pattern LATIN_LETTER = Pattern.compile("[A-Za-z]");
    private static final Pattern HAN = Pattern.compile("\\p{IsHan}");

    private final PathMatchingResourcePatternResolver resources = new PathMatchingResourcePatternResolver();

    @Test
    void templatesHoldNoLiteralText() throws IOException {
        List<String> literals = new ArrayList<>();
        for (Resource template : templates()) {
            Document document =
                    Jsoup.parse(template.getContentAsString(StandardCharsets.UTF_8), "", Parser.htmlParser());
            String name = name(template);
            for (TextNode text : document.getAllElements().stream()
                    .filter(element -> !isReplacedAtRendering(element))
                    .flatMap(element -> element.textNodes().stream())
                    .toList()) {
                if (WORDS.matcher(text.getWholeText()).find()) {
                    literals.add(name + ": text \"" + text.getWholeText().strip() + "\"");
                }
            }
            for (Element element : document.getAllElements()) {
                for (Attribute attribute : element.attributes()) {
                    if (isTextAttribute(element, attribute)
                            && WORDS.matcher(attribute.getValue()).find()) {
                        literals.add(name + ": " + attribute.getKey() + "=\"" + attribute.getValue() + "\"");
                    }
                }
            }
        }
        assertThat(literals)
                .as("literal texts in templates; use #{...} and messages files")
                .isEmpty();
    }

    @Test
    void everyMessageKeyUsedInATemplateExists() throws IOException {
        Set<String> known = new HashSet<>();
        bundles().forEach((name, locales) -> known.addAll(locales.getOrDefault("", Set.of())));
        List<String> missing = new ArrayList<>();
        for (Resource template : templates()) {
            String text = template.getContentAsString(StandardCharsets.UTF_8);
            for (Pattern pattern : List.of(MESSAGE_KEY, MESSAGES_CALL)) {
                Matcher keys = pattern.matcher(text);
                while (keys.find()) {
                    if (!known.contains(keys.group(1))) {
                        missing.add(name(template) + ": " + keys.group(1));
                    }
                }
            }
        }
        assertThat(missing)
                .as("message keys missing from every messages*.properties")
                .isEmpty();
    }

    @Test
    void everyTranslationHasTheKeysOfItsDefaultBundle() throws IOException {
        bundles()
                .forEach((name, locales) -> locales.forEach((locale, keys) -> {
                    if (!locale.isEmpty()) {
                        assertThat(keys)
                                .as(name + "_" + locale + " against " + name)
                                .containsExactlyInAnyOrderElementsOf(locales.getOrDefault("", Set.of()));
                    }
                }));
    }

    /** The interface is in English and Chinese: every messages file has its Chinese sibling. */
    @Test
    void everyMessagesFileHasAChineseTranslation() throws IOException {
        assertThat(bundles())
                .allSatisfy((name, locales) -> assertThat(locales).as(name).containsOnlyKeys("", "zh"));
    }

    /**
     * A Chinese message says in Chinese what its English one says in words: a copy of the English (or an English text
     * with Chinese punctuation) is a key someone forgot. Names of standards and formats are the same in both.
     */
    @Test
    void chineseMessagesAreTranslations() throws IOException {
        List<String> untranslated = new ArrayList<>();
        messages()
                .forEach((name, locales) -> locales.getOrDefault("zh", Map.of()).forEach((key, chinese) -> {
                    String english = locales.get("").get(key);
                    String words = ARGUMENT.matcher(english).replaceAll("");
                    for (String term : SAME_IN_BOTH_LANGUAGES) {
                        words = words.replace(term, "");
                    }
                    if (LATIN_LETTER.matcher(words).find()
                            && !HAN.matcher(chinese).find()) {
                        untranslated.add(name + "_zh: " + key + "=" + chinese);
                    }
                }));
        assertThat(untranslated).as("Chinese messages that are not in Chinese").isEmpty();
    }

    /** A translation that dropped or added an argument would show a raw {1}, or lose a name or a number. */
    @Test
    void chineseMessagesTakeTheArgumentsOfTheEnglishOnes() throws IOException {
        messages()
                .forEach((name, locales) -> locales.getOrDefault("zh", Map.of()).forEach((key, chinese) -> {
                    assertThat(arguments(chinese))
                            .as(name + "_zh: " + key)
                            .isEqualTo(arguments(locales.get("").get(key)));
                    assertThat(chinese)
                            .as(name + "_zh: " + key + " is read as UTF-8")
                            .doesNotContain("\uFFFD");
                }));
    }

    /** The files are one message source, in which the first file with a key wins: a key in two files is a mistake. */
    @Test
    void everyKeyIsDefinedInOneFileOnly() throws IOException {
        Map<String, List<String>> files = new TreeMap<>();
        bundles()
                .forEach((name, locales) -> locales.getOrDefault("", Set.of())
                        .forEach(key -> files.computeIfAbsent(key, k -> new ArrayList<>())
                                .add(name)));
        assertThat(files).allSatisfy((key, names) -> assertThat(names).as(key).hasSize(1));
    }

    @Test
    void findsTheMessagesFilesAndTemplates() throws IOException {
        assertThat(bundles()).containsKey("messages");
        assertThat(bundles().get("messages").get("")).contains("site.name", "layout.skip");
        assertThat(templates())
                .extracting(TemplateTextTests::name)
                .contains(
                        "layout.html",
                        "catalogue/home.html",
                        "catalogue/record.html",
                        "admin/records/form.html",
                        "admin/people/form.html",
                        "admin/themes/form.html",
                        "error/rejected.html")
                .doesNotHaveDuplicates();
    }

    /** A template's path under {@code templates/}, such as {@code catalogue/record.html}. */
    private static String name(Resource template) {
        try {
            String path = template.getURL().toString();
            return path.substring(path.lastIndexOf("/templates/") + "/templates/".length());
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    /**
     * Prototype text inside an element whose body Thymeleaf replaces ({@code <h1 th:text="#{...}">Heading</h1>})
     * never reaches a reader, so it is not literal text.
     */
    private static boolean isReplacedAtRendering(Element element) {
        for (Element e = element; e != null; e = e.parent()) {
            for (String attribute : BODY_REPLACING_ATTRIBUTES) {
                if (e.hasAttr("th:" + attribute) || e.hasAttr("data-th-" + attribute)) {
                    return true;
                }
            }
        }
        return false;
    }

    private static boolean isTextAttribute(Element element, Attribute attribute) {
        String key = attribute.getKey();
        if (TEXT_ATTRIBUTES.contains(key)) {
            return true;
        }
        return key.equals("value")
                && element.tagName().equals("input")
                && BUTTON_INPUT_TYPES.contains(element.attr("type"));
    }

    private List<Resource> templates() throws IOException {
        return List.of(resources.getResources("classpath*:templates/**/*.html"));
    }

    /** Keys by bundle name ("messages", "messages-search") and locale ("" for the default file). */
    private Map<String, Map<String, Set<String>>> bundles() throws IOException {
        Map<String, Map<String, Set<String>>> bundles = new TreeMap<>();
        messages()
                .forEach((name, locales) ->
                        locales.forEach((locale, texts) -> bundles.computeIfAbsent(name, n -> new TreeMap<>())
                                .put(locale, new HashSet<>(texts.keySet()))));
        return bundles;
    }

    /** Texts by key, by bundle name and locale, read as Spring reads them (spring.messages.encoding=UTF-8). */
    private Map<String, Map<String, Map<String, String>>> messages() throws IOException {
        Map<String, Map<String, Map<String, String>>> bundles = new TreeMap<>();
        for (Resource file : resources.getResources("classpath*:messages*.properties")) {
            Matcher name = BUNDLE_NAME.matcher(String.valueOf(file.getFilename()));
            if (!name.matches()) {
                continue;
            }
            Properties properties = new Properties();
            try (Reader reader = new InputStreamReader(file.getInputStream(), StandardCharsets.UTF_8)) {
                properties.load(reader);
            }
            Map<String, String> texts = bundles.computeIfAbsent(name.group(1), n -> new TreeMap<>())
                    .computeIfAbsent(name.group(2) == null ? "" : name.group(2), l -> new TreeMap<>());
            properties.stringPropertyNames().forEach(key -> texts.put(key, properties.getProperty(key)));
        }
        return bundles;
    }

    /** The argument numbers a message uses, such as [0, 1]. */
    private static Set<String> arguments(String message) {
        Set<String> numbers = new java.util.TreeSet<>();
        Matcher argument = ARGUMENT_INDEX.matcher(message);
        while (argument.find()) {
            numbers.add(argument.group(1));
        }
        return numbers;
    }
}
