package org.policyarchive.theme;

import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import org.policyarchive.system.Label;
import org.policyarchive.system.Slugs;
import org.policyarchive.theme.internal.ThemeRepository;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** The theme module's facade: the two-level vocabulary, look-ups in it, and new themes for new names. */
@Service
@Transactional(readOnly = true)
public class ThemeVocabulary {

    private final ThemeRepository themes;
    private final JdbcClient jdbc;

    ThemeVocabulary(ThemeRepository themes, JdbcClient jdbc) {
        this.themes = themes;
        this.jdbc = jdbc;
    }

    public Optional<Theme> findBySlug(String slug) {
        return themes.findBySlug(slug);
    }

    public Optional<Theme> findById(long id) {
        return themes.findById(id);
    }

    public Optional<Theme> findByName(String name) {
        return themes.findByNameIgnoreCase(name.strip());
    }

    /** How many there are. */
    public long count() {
        return themes.count();
    }

    public List<Theme> findAllById(Iterable<Long> ids) {
        return themes.findAllById(ids);
    }

    /** The slug and name of each of these themes that exists, by id, in one statement and without entities. */
    public Map<Long, Label> labels(Collection<Long> ids) {
        return ids.isEmpty()
                ? Map.of()
                : Label.read(jdbc.sql("select id, slug, name from theme where id in (:ids)")
                        .param("ids", ids));
    }

    /** The labels of themes, named in {@code locale}'s language where the theme has a name in it. */
    public Map<Long, Label> labels(Collection<Long> ids, Locale locale) {
        if (!"zh".equals(locale.getLanguage())) {
            return labels(ids);
        }
        return ids.isEmpty()
                ? Map.of()
                : Label.read(jdbc.sql("select id, slug, coalesce(name_zh, name) as name from theme where id in (:ids)")
                        .param("ids", ids));
    }

    /** The theme named {@code name} (English, ignoring case), created as a broader theme if there is none. */
    @Transactional
    public Theme findOrCreate(String name) {
        return findByName(name).orElseGet(() -> create(name));
    }

    /**
     * {@link #findOrCreate} for many names at once, with one query for those already known: the theme for each name,
     * by the name in lower case.
     */
    @Transactional
    public Map<String, Theme> findOrCreateAll(Collection<String> names) {
        Map<String, String> wanted = new LinkedHashMap<>();
        names.forEach(name -> wanted.putIfAbsent(name.strip().toLowerCase(Locale.ROOT), name.strip()));
        Map<String, Theme> found = new HashMap<>();
        if (!wanted.isEmpty()) {
            themes.findByLowerNameIn(wanted.keySet())
                    .forEach(theme -> found.putIfAbsent(theme.getName().toLowerCase(Locale.ROOT), theme));
        }
        wanted.forEach((key, name) -> found.computeIfAbsent(key, k -> create(name)));
        return found;
    }

    /**
     * Creates the themes of an import that the vocabulary does not have yet, broader themes before narrower ones, each
     * with its slug when that is free, and returns how many it created. A theme whose slug or name is already known is
     * left as it is; a broader theme named but not known is created as {@link #findOrCreate} would.
     */
    @Transactional
    public int importAll(Collection<ThemeDraft> drafts) {
        int created = 0;
        List<ThemeDraft> ordered = drafts.stream()
                .sorted(Comparator.comparing((ThemeDraft draft) -> draft.parent() != null))
                .toList();
        for (ThemeDraft draft : ordered) {
            String slug = draft.slug() == null ? null : draft.slug().strip();
            if ((slug != null && themes.findBySlug(slug).isPresent())
                    || findByName(draft.name()).isPresent()) {
                continue;
            }
            Theme theme = new Theme(
                    slug != null && Slugs.isSlug(slug) && slug.length() <= Slugs.MAX_LENGTH
                            ? slug
                            : uniqueSlug(draft.name()),
                    draft.name().strip());
            theme.setNameZh(draft.nameZh());
            theme.setDescription(draft.description());
            theme.setPosition(draft.position());
            if (draft.parent() != null) {
                Theme parent = findOrCreate(draft.parent());
                // the vocabulary has two levels: a narrower theme of a narrower theme hangs from its broader one
                theme.setParent(parent.getParent() == null ? parent : parent.getParent());
            }
            themes.save(theme);
            created++;
        }
        return created;
    }

    private Theme create(String name) {
        return themes.save(new Theme(uniqueSlug(name), name.strip()));
    }

    String uniqueSlug(String name) {
        return Slugs.unique(name, base -> themes.findSlugsLike(base, Slugs.numberedLike(base)));
    }

    /** Every theme, each broader theme followed by its narrower ones, in the vocabulary's order. */
    public List<ThemeNode> tree() {
        List<Theme> all = themes.findAllByOrderByPositionAsc();
        Comparator<Theme> order = Comparator.comparingInt(Theme::getPosition).thenComparing(Theme::getName);
        return all.stream()
                .filter(theme -> theme.getParent() == null)
                .sorted(order)
                .map(top -> new ThemeNode(
                        top,
                        all.stream()
                                .filter(theme -> theme.getParent() != null
                                        && theme.getParent().getId().equals(top.getId()))
                                .sorted(order)
                                .toList()))
                .toList();
    }

    /** A broader theme and its narrower themes. */
    public record ThemeNode(Theme theme, List<Theme> children) {}
}
