package org.policyarchive.theme;

import java.util.Objects;
import org.jspecify.annotations.Nullable;
import org.policyarchive.system.EditConflictException;
import org.policyarchive.system.NotFoundException;
import org.policyarchive.theme.internal.ThemeRepository;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.validation.Errors;

/** The admin pages' changes to the vocabulary: new themes and changed ones, each announced as {@link ThemeChanged}. */
@Service
@Transactional
class ThemeEditor {

    private final ThemeRepository themes;
    private final ThemeVocabulary vocabulary;
    private final ApplicationEventPublisher events;

    ThemeEditor(ThemeRepository themes, ThemeVocabulary vocabulary, ApplicationEventPublisher events) {
        this.themes = themes;
        this.vocabulary = vocabulary;
        this.events = events;
    }

    @Transactional(readOnly = true)
    ThemeForm formFor(long themeId) {
        Theme theme = theme(themeId);
        ThemeForm form = new ThemeForm();
        form.setVersion(theme.getVersion());
        form.setName(theme.getName());
        form.setNameZh(theme.getNameZh());
        form.setDescription(theme.getDescription());
        form.setParentId(theme.getParent() == null ? null : theme.getParent().getId());
        return form;
    }

    /**
     * The checks Bean Validation cannot make: the name is not another theme's, and the broader theme exists, is itself
     * a broader theme, and is neither the theme nor one of its own narrower themes.
     */
    @Transactional(readOnly = true)
    void validate(ThemeForm form, @Nullable Long themeId, Errors errors) {
        // a name the form already refused (too long, a control character) is not looked up
        if (form.getName() != null && !form.getName().isBlank() && !errors.hasFieldErrors("name")) {
            vocabulary
                    .findByName(form.getName())
                    .filter(other -> !Objects.equals(other.getId(), themeId))
                    .ifPresent(other -> errors.rejectValue("name", "theme.name.taken"));
        }
        if (form.getParentId() == null) {
            return;
        }
        Theme parent = themes.findById(form.getParentId()).orElse(null);
        boolean hasChildren = themeId != null
                && vocabulary.tree().stream()
                        .anyMatch(node -> Objects.equals(node.theme().getId(), themeId)
                                && !node.children().isEmpty());
        if (parent == null || parent.getParent() != null || Objects.equals(parent.getId(), themeId) || hasChildren) {
            errors.rejectValue("parentId", "theme.parent.invalid");
        }
    }

    /** Creates a theme ({@code themeId} null) or saves a valid form over one; returns its id. */
    long save(@Nullable Long themeId, ThemeForm form) {
        String name = Objects.requireNonNull(form.getName()).strip();
        Theme theme;
        boolean renamed;
        Long parentBefore = null;
        if (themeId == null) {
            theme = new Theme(vocabulary.uniqueSlug(name), name);
            renamed = false;
        } else {
            // locked before the version is compared, so that of two editors saving one version the second is told
            theme = themes.findByIdForUpdate(themeId).orElseThrow(() -> notFound(themeId));
            if (!Objects.equals(form.getVersion(), theme.getVersion())) {
                throw new EditConflictException(themeId, theme.getVersion());
            }
            parentBefore = theme.getParent() == null ? null : theme.getParent().getId();
            renamed =
                    !theme.getName().equals(name) || !Objects.equals(theme.getNameZh(), blankToNull(form.getNameZh()));
            theme.setName(name);
        }
        theme.setNameZh(blankToNull(form.getNameZh()));
        theme.setDescription(blankToNull(form.getDescription()));
        theme.setParent(form.getParentId() == null ? null : theme(form.getParentId()));
        Theme saved = themes.save(theme);
        long id = Objects.requireNonNull(saved.getId());
        boolean moved = themeId != null && !Objects.equals(parentBefore, form.getParentId());
        events.publishEvent(new ThemeChanged(id, saved.getSlug(), name, themeId == null, renamed, moved));
        return id;
    }

    private Theme theme(long id) {
        return themes.findById(id).orElseThrow(() -> notFound(id));
    }

    private static NotFoundException notFound(long id) {
        return new NotFoundException("admin.notFound.theme", String.valueOf(id));
    }

    private static @Nullable String blankToNull(@Nullable String value) {
        return value == null || value.isBlank() ? null : value.strip();
    }
}
