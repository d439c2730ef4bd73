package org.policyarchive.person;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class PersonNameTests {

    @Test
    void splitsAChineseNameAfterItsSurnameWhateverTheScript() {
        assertThat(PersonName.parse("李克强", false)).isEqualTo(new PersonName("李", "克强", null, true));
        assertThat(PersonName.parse("欧阳修", false)).isEqualTo(new PersonName("欧阳", "修", null, true));
        assertThat(PersonName.parse("李", false)).isEqualTo(new PersonName("李", null, null, true));
        assertThat(PersonName.parse("Li Keqiang", true)).isEqualTo(new PersonName("Li", "Keqiang", null, false));
    }

    @Test
    void readsOtherNamesInWesternOrderWithTheirSuffix() {
        assertThat(PersonName.parse("Franklin D. Roosevelt", false))
                .isEqualTo(new PersonName("Roosevelt", "Franklin D.", null, false));
        assertThat(PersonName.parse("Martin Luther King Jr.", false))
                .isEqualTo(new PersonName("King", "Martin Luther", "Jr.", false));
        assertThat(PersonName.parse("Plato", false)).isEqualTo(new PersonName("Plato", null, null, false));
    }

    @Test
    void readsANameWrittenFamilyFirstWithACommaAsWritten() {
        assertThat(PersonName.parse("Doe, Jane", false)).isEqualTo(new PersonName("Doe", "Jane", null, false));
        assertThat(PersonName.parse("Doe, Jane", false).familyFirst()).isEqualTo("Doe, Jane");
    }

    @Test
    void writesANameFamilyFirstAndAHanNameWhole() {
        assertThat(person("Chen Chun", "陈纯", "en")).isEqualTo("Chen, Chun");
        assertThat(person("Ouyang Xiu", "歐陽脩", "en")).isEqualTo("Ouyang, Xiu");
        assertThat(person("Chen Chun", "Chen Chun", "en")).isEqualTo("Chun, Chen");
        assertThat(person("Franklin  D. Roosevelt", null, "en")).isEqualTo("Roosevelt, Franklin D.");
        assertThat(person("李强", "李强", "en")).isEqualTo("李强");
        assertThat(person("Li Qiang", "李强", "zh-Hans")).isEqualTo("李强");
        assertThat(person("Plato", null, "en")).isEqualTo("Plato");
    }

    private static String person(String name, String nativeName, String recordLanguage) {
        Person person = new Person("someone", name);
        person.setNativeName(nativeName);
        return PersonName.of(person, recordLanguage).familyFirst();
    }

    @Test
    void aPersonWithAChineseNameInOriginalScriptIsCitedFamilyFirstAndInHanScriptInAChineseRecord() {
        Person li = new Person("li-keqiang", "Li Keqiang");
        li.setNativeName("李克强");
        Person roosevelt = new Person("franklin-d-roosevelt", "Franklin D. Roosevelt");

        assertThat(PersonName.of(li, "en").inverted()).isEqualTo("Li, Keqiang");
        assertThat(PersonName.of(li, "zh-Hans").inverted()).isEqualTo("李, 克强");
        assertThat(PersonName.of(li, "zh-Hans").han()).isEqualTo("李克强");
        assertThat(PersonName.of(roosevelt, "zh").inverted()).isEqualTo("Roosevelt, Franklin D.");
    }
}
