package org.policyarchive.oai;

import java.io.IOException;
import java.io.InputStream;
import java.io.StringReader;
import java.io.UncheckedIOException;
import java.util.Map;
import javax.xml.XMLConstants;
import javax.xml.transform.Source;
import javax.xml.transform.stream.StreamSource;
import javax.xml.validation.Schema;
import javax.xml.validation.SchemaFactory;
import org.springframework.core.io.ClassPathResource;
import org.w3c.dom.ls.LSInput;
import org.w3c.dom.ls.LSResourceResolver;
import org.xml.sax.SAXException;

/**
 * OAI-PMH 2.0's response schema with oai_dc's (which imports Simple Dublin Core, which imports the XML namespace's
 * attributes), read from the copies in {@code src/test/resources/oai}. Each schema's published location resolves to its
 * copy, and any other location fails: validation never goes online. The OAI-PMH schema validates the metadata strictly,
 * so a response passes only when its Dublin Core does too.
 */
final class OaiSchemas {

    private static final Map<String, String> COPIES = Map.of(
            "http://www.openarchives.org/OAI/2.0/OAI-PMH.xsd", "oai/OAI-PMH.xsd",
            "http://www.openarchives.org/OAI/2.0/oai_dc.xsd", "oai/oai_dc.xsd",
            "http://dublincore.org/schemas/xmls/simpledc20021212.xsd", "oai/simpledc20021212.xsd",
            "http://www.w3.org/2001/03/xml.xsd", "oai/xml.xsd");

    private static final Schema SCHEMA = load();

    private OaiSchemas() {}

    /** Fails with the validator's message when the document breaks the schemas. */
    static void validate(String document) {
        try {
            SCHEMA.newValidator().validate(new StreamSource(new StringReader(document)));
        } catch (SAXException e) {
            throw new AssertionError("not valid OAI-PMH with oai_dc: " + e.getMessage() + "\n" + document, e);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static Schema load() {
        SchemaFactory factory = SchemaFactory.newInstance(XMLConstants.W3C_XML_SCHEMA_NS_URI);
        factory.setResourceResolver(new Copies());
        try {
            return factory.newSchema(new Source[] {
                source("http://www.openarchives.org/OAI/2.0/OAI-PMH.xsd"),
                source("http://www.openarchives.org/OAI/2.0/oai_dc.xsd")
            });
        } catch (SAXException e) {
            throw new IllegalStateException(e);
        }
    }

    private static StreamSource source(String location) {
        return new StreamSource(open(location), location);
    }

    private static InputStream open(String location) {
        String copy = COPIES.get(location);
        if (copy == null) {
            throw new IllegalStateException("no copy of " + location + ": validation must not go online");
        }
        try {
            return new ClassPathResource(copy).getInputStream();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Resolves the imports to the copies. */
    private static final class Copies implements LSResourceResolver {

        @Override
        public LSInput resolveResource(
                String type, String namespace, String publicId, String systemId, String baseUri) {
            return new Input(systemId, open(systemId));
        }
    }

    private record Input(String systemId, InputStream stream) implements LSInput {

        @Override
        public java.io.Reader getCharacterStream() {
            return null;
        }

        @Override
        public void setCharacterStream(java.io.Reader characterStream) {}

        @Override
        public InputStream getByteStream() {
            return stream;
        }

        @Override
        public void setByteStream(InputStream byteStream) {}

        @Override
        public String getStringData() {
            return null;
        }

        @Override
        public void setStringData(String stringData) {}

        @Override
        public String getSystemId() {
            return systemId;
        }

        @Override
        public void setSystemId(String systemId) {}

        @Override
        public String getPublicId() {
            return null;
        }

        @Override
        public void setPublicId(String publicId) {}

        @Override
        public String getBaseURI() {
            return null;
        }

        @Override
        public void setBaseURI(String baseURI) {}

        @Override
        public String getEncoding() {
            return null;
        }

        @Override
        public void setEncoding(String encoding) {}

        @Override
        public boolean getCertifiedText() {
            return false;
        }

        @Override
        public void setCertifiedText(boolean certifiedText) {}
    }
}
