package org.policyarchive.oai;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.StringReader;
import java.net.URLEncoder;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import javax.xml.parsers.DocumentBuilderFactory;
import org.policyarchive.testing.WebClient;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;
import org.xml.sax.InputSource;

/** Raw requests to {@code /oai}, for what a harvester library hides: tokens, cursors, errors, the request element. */
final class OaiResponses {

    static final String OAI_NS = "http://www.openarchives.org/OAI/2.0/";

    private OaiResponses() {}

    /** A GET of {@code /oai?query}: HTTP 200, text/xml, valid against the schemas. */
    static Document get(WebClient web, String query) throws Exception {
        HttpResponse<String> response = web.get("/oai?" + query, "Accept", "text/xml");
        assertThat(response.statusCode()).as(query).isEqualTo(200);
        assertThat(response.headers().firstValue("Content-Type"))
                .get()
                .asString()
                .startsWith("text/xml");
        OaiSchemas.validate(response.body());
        return parse(response.body());
    }

    /** The identifiers of a page's headers, in order. */
    static List<String> identifiers(Document page) {
        List<String> identifiers = new ArrayList<>();
        NodeList headers = page.getElementsByTagNameNS(OAI_NS, "header");
        for (int i = 0; i < headers.getLength(); i++) {
            identifiers.add(text((Element) headers.item(i), "identifier"));
        }
        return identifiers;
    }

    /** Every identifier of a ListIdentifiers request, following its tokens. */
    static List<String> harvest(WebClient web, String query) throws Exception {
        Document page = get(web, "verb=ListIdentifiers&metadataPrefix=oai_dc" + query);
        List<String> identifiers = new ArrayList<>(identifiers(page));
        String token = resumptionToken(page);
        while (!token.isEmpty()) {
            page = get(web, "verb=ListIdentifiers&resumptionToken=" + encode(token));
            identifiers.addAll(identifiers(page));
            token = resumptionToken(page);
        }
        return identifiers;
    }

    static String resumptionToken(Document page) {
        NodeList tokens = page.getElementsByTagNameNS(OAI_NS, "resumptionToken");
        return tokens.getLength() == 0 ? "" : tokens.item(0).getTextContent();
    }

    /** The error code of an answer, or null. */
    static String errorCode(Document answer) {
        NodeList errors = answer.getElementsByTagNameNS(OAI_NS, "error");
        return errors.getLength() == 0 ? null : ((Element) errors.item(0)).getAttribute("code");
    }

    static String text(Element parent, String name) {
        return parent.getElementsByTagNameNS(OAI_NS, name).item(0).getTextContent();
    }

    static Document parse(String xml) throws Exception {
        DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
        factory.setNamespaceAware(true);
        return factory.newDocumentBuilder().parse(new InputSource(new StringReader(xml)));
    }

    static String encode(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }
}
