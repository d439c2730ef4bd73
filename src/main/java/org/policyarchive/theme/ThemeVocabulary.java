package org.policyarchive.theme;

import java.util.Collection;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.policyarchive.system.Label;
import org.policyarchive.system.Slugs;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** The theme module's facade: the two-level vocabulary and look-ups in it. */
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

    public List<Theme> findAllById(Iterable<Long> ids) {
        return themes.findAllById(ids);
    }

    /** The slug and name of each of these themes that exists, by id. */
    public Map<Long, Label> labels(Collection<Long> ids) {
        return Label.byId(jdbc, "theme", ids);
    }

    /** The theme named {@code name} (English, ignoring case), created as a broader theme if there is none. */
    @Transactional
    public Theme findOrCreate(String name) {
        return findByName(name).orElseGet(() -> themes.save(new Theme(uniqueSlug(name), name.strip())));
    }

    @Transactional
    public Theme save(Theme theme) {
        return themes.save(theme);
    }

    public String uniqueSlug(String name) {
        return Slugs.unique(name, slug -> themes.findBySlug(slug).isPresent());
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
