package org.policyarchive.discovery;

import static org.assertj.core.api.Assertions.assertThat;

import com.rometools.rome.feed.atom.Entry;
import com.rometools.rome.feed.atom.Feed;
import com.rometools.rome.feed.atom.Link;
import com.rometools.rome.io.WireFeedInput;
import com.thaiopensource.util.PropertyMapBuilder;
import com.thaiopensource.validate.ValidateProperty;
import com.thaiopensource.validate.ValidationDriver;
import com.thaiopensource.validate.rng.CompactSchemaReader;
import java.io.StringReader;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.springframework.core.io.ClassPathResource;
import org.xml.sax.ErrorHandler;
import org.xml.sax.InputSource;
import org.xml.sax.SAXParseException;

/**
 * Checks that a document is valid Atom 1.0: against the RELAX NG schema of RFC 4287 (appendix B, bundled as
 * {@code schemas/atom.rnc}) with Jing, then the rules the appendix states in Schematron, which Jing does not read
 * (each entry has an author or the feed has one; one alternate link per type and language; the feed links itself),
 * and finally by reading it back with Rome.
 */
final class AtomValidation {

    private AtomValidation() {}

    static Feed valid(String xml) throws Exception {
        List<String> errors = new ArrayList<>();
        ErrorHandler collect = new ErrorHandler() {
            @Override
            public void warning(SAXParseException e) {}

            @Override
            public void error(SAXParseException e) {
                errors.add(e.getLineNumber() + ":" + e.getColumnNumber() + " " + e.getMessage());
            }

            @Override
            public void fatalError(SAXParseException e) {
                error(e);
            }
        };
        PropertyMapBuilder properties = new PropertyMapBuilder();
        properties.put(ValidateProperty.ERROR_HANDLER, collect);
        ValidationDriver driver = new ValidationDriver(properties.toPropertyMap(), CompactSchemaReader.getInstance());
        assertThat(driver.loadSchema(new InputSource(
                        new ClassPathResource("schemas/atom.rnc").getURL().toString())))
                .as("the Atom schema loads: %s", errors)
                .isTrue();
        boolean valid = driver.validate(new InputSource(new StringReader(xml)));
        assertThat(errors).as("Relax NG errors of\n%s", xml).isEmpty();
        assertThat(valid).isTrue();

        Feed feed = (Feed) new WireFeedInput().build(new StringReader(xml));
        assertThat(feed.getFeedType()).isEqualTo("atom_1.0");
        assertThat(feed.getId()).isNotBlank();
        assertThat(feed.getUpdated()).isNotNull();
        assertThat(feed.getOtherLinks())
                .as("a self link")
                .anySatisfy(link -> assertThat(link.getRel()).isEqualTo("self"));
        assertThat(alternates(feed.getAlternateLinks())).doesNotHaveDuplicates();
        Set<String> ids = new HashSet<>();
        for (Entry entry : feed.getEntries()) {
            assertThat(ids.add(entry.getId())).as("entry ids are unique").isTrue();
            assertThat(!entry.getAuthors().isEmpty() || !feed.getAuthors().isEmpty())
                    .as("an author for %s", entry.getId())
                    .isTrue();
            assertThat(entry.getAlternateLinks()).hasSize(1);
            assertThat(entry.getUpdated()).isNotNull();
        }
        return feed;
    }

    private static List<String> alternates(List<Link> links) {
        return links.stream()
                .map(link -> link.getType() + " " + link.getHreflang())
                .toList();
    }
}
