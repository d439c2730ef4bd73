package org.policyarchive.theme;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.modulith.test.ApplicationModuleTest;
import org.springframework.modulith.test.Scenario;
import org.springframework.test.context.TestPropertySource;

/**
 * The theme module on its own: what saving a theme announces, which search follows to reindex the records under a
 * theme whose names or broader theme changed. Hibernate Search is off, as its mapping lives in the search module; each
 * test makes themes of its own.
 */
@ApplicationModuleTest
// A module test starts one module's beans: the search index's health indicator, named in the readiness group, is
// not among them.
@TestPropertySource(
        properties = {
            "spring.jpa.properties.hibernate.search.enabled=false",
            "management.endpoint.health.validate-group-membership=false"
        })
class ThemeModuleTests {

    @Autowired
    ThemeEditor editor;

    @Autowired
    ThemeVocabulary themes;

    private static String unique(String name) {
        return name + " " + UUID.randomUUID().toString().substring(0, 8);
    }

    private static ThemeForm form(String name) {
        ThemeForm form = new ThemeForm();
        form.setName(name);
        return form;
    }

    @Test
    void creatingAThemeAnnouncesItAsCreated(Scenario scenario) {
        String name = unique("Waterways");

        scenario.stimulate(() -> editor.save(null, form(name)))
                .andWaitForEventOfType(ThemeChanged.class)
                .toArriveAndVerify(event -> {
                    Theme created = themes.findByName(name).orElseThrow();
                    assertThat(event)
                            .isEqualTo(new ThemeChanged(created.getId(), created.getSlug(), name, true, false, false));
                });
    }

    @Test
    void renamingAnnouncesARename(Scenario scenario) {
        long id = editor.save(null, form(unique("Canals")));
        ThemeForm renamed = editor.formFor(id);
        renamed.setNameZh("运河");

        scenario.stimulate(() -> editor.save(id, renamed))
                .andWaitForEventOfType(ThemeChanged.class)
                .matching(event -> !event.created())
                .toArriveAndVerify(event -> assertThat(event.renamed()).isTrue());
    }

    @Test
    void aNewBroaderThemeIsAMoveNotARename(Scenario scenario) {
        long broader = editor.save(null, form(unique("Transport")));
        long id = editor.save(null, form(unique("Ferries")));
        ThemeForm moved = editor.formFor(id);
        moved.setParentId(broader);

        scenario.stimulate(() -> editor.save(id, moved))
                .andWaitForEventOfType(ThemeChanged.class)
                .matching(event -> !event.created())
                .toArriveAndVerify(event -> {
                    assertThat(event.moved()).isTrue();
                    assertThat(event.renamed()).isFalse();
                    assertThat(event.created()).isFalse();
                });
    }

    @Test
    void aNewDescriptionIsNeitherARenameNorAMove(Scenario scenario) {
        long id = editor.save(null, form(unique("Bridges")));
        ThemeForm described = editor.formFor(id);
        described.setDescription("Crossings over water.");

        scenario.stimulate(() -> editor.save(id, described))
                .andWaitForEventOfType(ThemeChanged.class)
                .matching(event -> !event.created())
                .toArriveAndVerify(event -> {
                    assertThat(event.renamed()).isFalse();
                    assertThat(event.moved()).isFalse();
                });
    }
}
