package org.policyarchive.oai;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import javax.xml.stream.XMLStreamException;
import org.springframework.http.MediaType;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.servlet.support.ServletUriComponentsBuilder;

/**
 * {@code /oai}: OAI-PMH 2.0 by GET, or by POST of an {@code application/x-www-form-urlencoded} form, as the protocol
 * allows both. Every protocol error is a 200 with an {@code <error>}; only HTTP's own problems (another method, a POST
 * of another media type) get a 4xx.
 */
@Controller
class OaiController {

    private final OaiProtocol protocol;

    OaiController(OaiProtocol protocol) {
        this.protocol = protocol;
    }

    @GetMapping("/oai")
    void get(HttpServletRequest request, HttpServletResponse response) throws IOException, XMLStreamException {
        answer(request, response);
    }

    @PostMapping(path = "/oai", consumes = MediaType.APPLICATION_FORM_URLENCODED_VALUE)
    void post(HttpServletRequest request, HttpServletResponse response) throws IOException, XMLStreamException {
        answer(request, response);
    }

    private void answer(HttpServletRequest request, HttpServletResponse response)
            throws IOException, XMLStreamException {
        String base =
                ServletUriComponentsBuilder.fromContextPath(request).build().toUriString();
        OaiProtocol.Site site = new OaiProtocol.Site(base + "/oai", base + "/records/", request.getServerName());
        response.setContentType("text/xml;charset=UTF-8");
        protocol.answer(request.getParameterMap(), site, response.getOutputStream());
    }
}
