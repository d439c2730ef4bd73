package org.policyarchive.citation;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.policyarchive.person.Person;

class CitedNameTests {

    @Test
    void splitsAChineseNameAfterItsSurnameWhateverTheScript() {
        assertThat(CitedName.parse("李克强", false)).isEqualTo(new CitedName("李", "克强", null, true));
        assertThat(CitedName.parse("欧阳修", false)).isEqualTo(new CitedName("欧阳", "修", null, true));
        assertThat(CitedName.parse("李", false)).isEqualTo(new CitedName("李", null, null, true));
        assertThat(CitedName.parse("Li Keqiang", true)).isEqualTo(new CitedName("Li", "Keqiang", null, false));
    }

    @Test
    void readsOtherNamesInWesternOrderWithTheirSuffix() {
        assertThat(CitedName.parse("Franklin D. Roosevelt", false))
                .isEqualTo(new CitedName("Roosevelt", "Franklin D.", null, false));
        assertThat(CitedName.parse("Martin Luther King Jr.", false))
                .isEqualTo(new CitedName("King", "Martin Luther", "Jr.", false));
        assertThat(CitedName.parse("Plato", false)).isEqualTo(new CitedName("Plato", null, null, false));
    }

    @Test
    void aPersonWithAChineseNameInOriginalScriptIsCitedFamilyFirstAndInHanScriptInAChineseRecord() {
        Person li = new Person("li-keqiang", "Li Keqiang");
        li.setNativeName("李克强");
        Person roosevelt = new Person("franklin-d-roosevelt", "Franklin D. Roosevelt");

        assertThat(CitedName.of(li, "en").inverted()).isEqualTo("Li, Keqiang");
        assertThat(CitedName.of(li, "zh-Hans").inverted()).isEqualTo("李, 克强");
        assertThat(CitedName.of(li, "zh-Hans").han()).isEqualTo("李克强");
        assertThat(CitedName.of(roosevelt, "zh").inverted()).isEqualTo("Roosevelt, Franklin D.");
    }
}
