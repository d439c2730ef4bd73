package org.policyarchive.oai;

import java.io.OutputStream;
import java.time.Instant;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.Map;
import javax.xml.XMLConstants;
import javax.xml.stream.XMLOutputFactory;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamWriter;
import org.jspecify.annotations.Nullable;
import org.policyarchive.system.XmlText;

/** A response of the protocol, written as it goes with StAX: the envelope, headers and Dublin Core. */
final class OaiXml implements AutoCloseable {

    static final String OAI_NS = "http://www.openarchives.org/OAI/2.0/";
    static final String OAI_SCHEMA = "http://www.openarchives.org/OAI/2.0/OAI-PMH.xsd";
    static final String OAI_DC_NS = "http://www.openarchives.org/OAI/2.0/oai_dc/";
    static final String OAI_DC_SCHEMA = "http://www.openarchives.org/OAI/2.0/oai_dc.xsd";
    static final String DC_NS = "http://purl.org/dc/elements/1.1/";
    private static final String XSI_NS = XMLConstants.W3C_XML_SCHEMA_INSTANCE_NS_URI;
    private static final XMLOutputFactory FACTORY = XMLOutputFactory.newFactory();

    private final XMLStreamWriter xml;

    OaiXml(OutputStream out) throws XMLStreamException {
        this.xml = FACTORY.createXMLStreamWriter(out, "UTF-8");
    }

    /**
     * Starts the document: the root element, the response's date and the request (its arguments as attributes, when
     * {@code arguments} is not null).
     */
    void start(Instant responseDate, String baseUrl, @Nullable Map<String, String> arguments)
            throws XMLStreamException {
        xml.writeStartDocument("UTF-8", "1.0");
        xml.writeStartElement("OAI-PMH");
        xml.writeDefaultNamespace(OAI_NS);
        xml.writeNamespace("xsi", XSI_NS);
        xml.writeAttribute("xsi", XSI_NS, "schemaLocation", OAI_NS + " " + OAI_SCHEMA);
        element("responseDate", datestamp(responseDate));
        xml.writeStartElement("request");
        if (arguments != null) {
            for (Map.Entry<String, String> argument : arguments.entrySet()) {
                xml.writeAttribute(argument.getKey(), clean(argument.getValue()));
            }
        }
        xml.writeCharacters(baseUrl);
        xml.writeEndElement();
    }

    void error(OaiError error) throws XMLStreamException {
        xml.writeStartElement("error");
        xml.writeAttribute("code", error.code());
        xml.writeCharacters(clean(error.getMessage()));
        xml.writeEndElement();
    }

    void open(String name) throws XMLStreamException {
        xml.writeStartElement(name);
    }

    void end() throws XMLStreamException {
        xml.writeEndElement();
    }

    void element(String name, String text) throws XMLStreamException {
        xml.writeStartElement(name);
        xml.writeCharacters(clean(text));
        xml.writeEndElement();
    }

    /** A record's header: identifier, datestamp, sets, and {@code status="deleted"} for a withdrawn record. */
    void header(OaiItem item, String identifier) throws XMLStreamException {
        xml.writeStartElement("header");
        if (item.deleted()) {
            xml.writeAttribute("status", "deleted");
        }
        element("identifier", identifier);
        element("datestamp", datestamp(item.datestamp()));
        for (String spec : item.setSpecs()) {
            element("setSpec", spec);
        }
        xml.writeEndElement();
    }

    /**
     * The resumption token element: the next token, or empty on the last page of a list that had tokens; with the
     * list's size, the number of items before this page, and the token's expiry.
     */
    void resumptionToken(@Nullable String token, long completeListSize, long cursor, @Nullable Instant expires)
            throws XMLStreamException {
        xml.writeStartElement("resumptionToken");
        if (expires != null) {
            xml.writeAttribute("expirationDate", datestamp(expires));
        }
        xml.writeAttribute("completeListSize", Long.toString(completeListSize));
        xml.writeAttribute("cursor", Long.toString(cursor));
        if (token != null) {
            xml.writeCharacters(token);
        }
        xml.writeEndElement();
    }

    /** Starts {@code <metadata><oai_dc:dc>}. */
    void startDublinCore() throws XMLStreamException {
        xml.writeStartElement("metadata");
        xml.writeStartElement("oai_dc", "dc", OAI_DC_NS);
        xml.writeNamespace("oai_dc", OAI_DC_NS);
        xml.writeNamespace("dc", DC_NS);
        xml.writeNamespace("xsi", XSI_NS);
        xml.writeAttribute("xsi", XSI_NS, "schemaLocation", OAI_DC_NS + " " + OAI_DC_SCHEMA);
    }

    /** One Dublin Core element, in the language {@code lang} when not null; nothing for a null or blank value. */
    void dc(String name, @Nullable String value, @Nullable String lang) throws XMLStreamException {
        if (value == null || value.isBlank()) {
            return;
        }
        xml.writeStartElement("dc", name, DC_NS);
        if (lang != null) {
            xml.writeAttribute("xml", XMLConstants.XML_NS_URI, "lang", lang);
        }
        xml.writeCharacters(clean(value));
        xml.writeEndElement();
    }

    void endDublinCore() throws XMLStreamException {
        xml.writeEndElement();
        xml.writeEndElement();
    }

    @Override
    public void close() throws XMLStreamException {
        xml.writeEndDocument();
        xml.flush();
        xml.close();
    }

    /** A UTC datestamp to the second, {@code YYYY-MM-DDThh:mm:ssZ}. */
    static String datestamp(Instant instant) {
        return DateTimeFormatter.ISO_INSTANT.format(instant.truncatedTo(ChronoUnit.SECONDS));
    }

    /**
     * The text without the characters XML 1.0 cannot carry (the record's rules already refuse control characters, but
     * not U+FFFE, U+FFFF or a lone surrogate, and arguments come as the harvester sent them).
     */
    static String clean(@Nullable String text) {
        return text == null ? "" : XmlText.of(text);
    }
}
