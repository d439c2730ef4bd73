package org.policyarchive.oai;

import java.io.OutputStream;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.time.temporal.ChronoUnit;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;
import javax.xml.stream.XMLStreamException;
import org.policyarchive.record.Kinds;
import org.policyarchive.record.Role;
import org.policyarchive.system.ArchiveProperties;
import org.springframework.stereotype.Component;

/**
 * OAI-PMH 2.0's six verbs over {@link OaiRecords}: checks the arguments, answers every protocol error with its code
 * (and HTTP 200), and writes the response. Everything a response holds is read before its first byte is written, so an
 * error never comes half-way through a document.
 */
@Component
class OaiProtocol {

    static final String OAI_DC = "oai_dc";
    static final String GRANULARITY = "YYYY-MM-DDThh:mm:ssZ";
    private static final String REPOSITORY_NAME = "Policy Archive";

    private static final Set<String> VERBS =
            Set.of("Identify", "ListMetadataFormats", "ListSets", "GetRecord", "ListIdentifiers", "ListRecords");
    private static final Pattern DAY = Pattern.compile("\\d{4}-\\d{2}-\\d{2}");
    private static final Pattern SECOND = Pattern.compile("\\d{4}-\\d{2}-\\d{2}T\\d{2}:\\d{2}:\\d{2}Z");
    private static final Pattern SET_SPEC = Pattern.compile("[A-Za-z0-9\\-_.!~*'()]+(:[A-Za-z0-9\\-_.!~*'()]+)*");
    private static final Pattern METADATA_PREFIX = Pattern.compile("[A-Za-z0-9\\-_.!~*'()]+");
    private static final Pattern SLUG = Pattern.compile("[a-z0-9]+(-[a-z0-9]+)*");
    private static final Pattern EMAIL = Pattern.compile("\\S+@(\\S+\\.)+\\S+");

    /** What a request's answer needs from outside the protocol: the addresses as the harvester reached them. */
    record Site(String baseUrl, String landingPagePrefix, String host) {}

    /** The part of a response after the request element, once everything it shows has been read. */
    @FunctionalInterface
    private interface Body {
        void write(OaiXml xml) throws XMLStreamException;
    }

    private final OaiRecords records;
    private final ArchiveProperties.Oai settings;
    private final Kinds kinds;

    OaiProtocol(OaiRecords records, ArchiveProperties properties, Kinds kinds) {
        this.records = records;
        this.kinds = kinds;
        this.settings = properties.oai();
    }

    /** Answers a request with these arguments (as the servlet read them from the query or the form body). */
    void answer(Map<String, String[]> parameters, Site site, OutputStream out) throws XMLStreamException {
        Instant now = Instant.now();
        Map<String, String> arguments = new LinkedHashMap<>();
        Body body;
        OaiError error = null;
        try {
            body = verb(parameters, arguments, site, now);
        } catch (OaiError e) {
            error = e;
            body = null;
        }
        try (OaiXml xml = new OaiXml(out)) {
            xml.start(now, site.baseUrl(), error != null && error.echoesNoArguments() ? null : arguments);
            if (error != null) {
                xml.error(error);
            } else {
                body.write(xml);
            }
        }
    }

    private Body verb(Map<String, String[]> parameters, Map<String, String> arguments, Site site, Instant now)
            throws OaiError {
        String[] verbs = parameters.get("verb");
        if (verbs == null || verbs.length != 1 || !VERBS.contains(verbs[0])) {
            throw new OaiError(
                    OaiError.BAD_VERB,
                    verbs == null
                            ? "The request names no verb."
                            : verbs.length > 1 ? "The verb is repeated." : "The verb is not one of OAI-PMH's six.");
        }
        String verb = verbs[0];
        Map<String, String> given = new LinkedHashMap<>();
        for (Map.Entry<String, String[]> parameter : parameters.entrySet()) {
            if (parameter.getValue().length != 1) {
                throw new OaiError(OaiError.BAD_ARGUMENT, "The argument " + parameter.getKey() + " is repeated.");
            }
            if (!parameter.getKey().equals("verb")) {
                given.put(parameter.getKey(), parameter.getValue()[0]);
            }
        }
        arguments.put("verb", verb);
        arguments.putAll(given);
        return switch (verb) {
            case "Identify" -> identify(given, site);
            case "ListMetadataFormats" -> listMetadataFormats(given, site);
            case "ListSets" -> listSets(given);
            case "GetRecord" -> getRecord(given, site);
            default -> list(verb.equals("ListRecords"), given, site, now);
        };
    }

    private Body identify(Map<String, String> arguments, Site site) throws OaiError {
        allow(arguments, Set.of(), Set.of());
        Instant earliest = records.earliest().orElseGet(Instant::now);
        String repository = repositoryIdentifier(site);
        String email = settings.adminEmail() != null ? settings.adminEmail() : "webmaster@" + repository;
        String adminEmail = EMAIL.matcher(email).matches() ? email : "webmaster@localhost.localdomain";
        return xml -> {
            xml.open("Identify");
            xml.element("repositoryName", REPOSITORY_NAME);
            xml.element("baseURL", site.baseUrl());
            xml.element("protocolVersion", "2.0");
            xml.element("adminEmail", adminEmail);
            xml.element("earliestDatestamp", OaiXml.datestamp(earliest));
            // withdrawn records stay as deleted ones for as long as they are withdrawn; but a record deleted for good,
            // put back to draft, or given a new slug leaves no trace (docs/oai-pmh.md)
            xml.element("deletedRecord", "transient");
            xml.element("granularity", GRANULARITY);
            xml.end();
        };
    }

    private Body listMetadataFormats(Map<String, String> arguments, Site site) throws OaiError {
        allow(arguments, Set.of(), Set.of("identifier"));
        String identifier = arguments.get("identifier");
        if (identifier != null) {
            OaiItem item = item(identifier, site);
            if (item.deleted()) {
                throw new OaiError(
                        OaiError.NO_METADATA_FORMATS, "The record is withdrawn: it has no metadata to disseminate.");
            }
        }
        return xml -> {
            xml.open("ListMetadataFormats");
            xml.open("metadataFormat");
            xml.element("metadataPrefix", OAI_DC);
            xml.element("schema", OaiXml.OAI_DC_SCHEMA);
            xml.element("metadataNamespace", OaiXml.OAI_DC_NS);
            xml.end();
            xml.end();
        };
    }

    private Body listSets(Map<String, String> arguments) throws OaiError {
        if (arguments.containsKey("resumptionToken")) {
            allow(arguments, Set.of("resumptionToken"), Set.of());
            // every set fits in one response: no token was ever given out for this list
            throw new OaiError(OaiError.BAD_RESUMPTION_TOKEN, "This archive gives out no resumption token for sets.");
        }
        allow(arguments, Set.of(), Set.of());
        List<OaiRecords.SetEntry> sets = records.sets();
        return xml -> {
            xml.open("ListSets");
            for (OaiRecords.SetEntry set : sets) {
                xml.open("set");
                xml.element("setSpec", set.spec());
                xml.element("setName", set.name());
                xml.end();
            }
            xml.end();
        };
    }

    private Body getRecord(Map<String, String> arguments, Site site) throws OaiError {
        allow(arguments, Set.of("identifier", "metadataPrefix"), Set.of());
        metadataPrefix(arguments);
        OaiItem item = item(arguments.get("identifier"), site);
        requireOaiDc(arguments);
        return xml -> {
            xml.open("GetRecord");
            record(xml, item, site);
            xml.end();
        };
    }

    private Body list(boolean withMetadata, Map<String, String> arguments, Site site, Instant now) throws OaiError {
        ResumptionToken token;
        OaiSets.Filter filter = null;
        if (arguments.containsKey("resumptionToken")) {
            allow(arguments, Set.of("resumptionToken"), Set.of());
            token = ResumptionToken.decode(arguments.get("resumptionToken"), now, settings.tokenLifetime());
            if (token.set() != null) {
                filter = OaiSets.filter(token.set(), kinds)
                        .orElseThrow(() -> new OaiError(
                                OaiError.BAD_RESUMPTION_TOKEN, "The resumption token names no set of this archive."));
            }
        } else {
            allow(arguments, Set.of("metadataPrefix"), Set.of("from", "until", "set"));
            metadataPrefix(arguments);
            Instant from = arguments.containsKey("from") ? datestamp(arguments.get("from"), false) : null;
            Instant until = arguments.containsKey("until") ? datestamp(arguments.get("until"), true) : null;
            if (from != null
                    && until != null
                    && arguments.get("from").length() != arguments.get("until").length()) {
                throw new OaiError(OaiError.BAD_ARGUMENT, "from and until must have the same granularity.");
            }
            if (from != null && until != null && !from.isBefore(until)) {
                throw new OaiError(OaiError.BAD_ARGUMENT, "from is later than until.");
            }
            String set = arguments.get("set");
            if (set != null) {
                if (!SET_SPEC.matcher(set).matches()) {
                    throw new OaiError(OaiError.BAD_ARGUMENT, "The set argument is not a setSpec.");
                }
                filter = OaiSets.filter(set, kinds)
                        .filter(f -> !(f instanceof OaiSets.OfTheme of) || records.themeExists(of.slug()))
                        .orElseThrow(
                                () -> new OaiError(OaiError.NO_RECORDS_MATCH, "This archive has no set " + set + "."));
            }
            requireOaiDc(arguments);
            OaiRecords.Selection selection = new OaiRecords.Selection(filter, from, until);
            long size = records.count(selection);
            if (size == 0) {
                throw new OaiError(OaiError.NO_RECORDS_MATCH, "No record matches the request.");
            }
            token = new ResumptionToken(set, from, until, Instant.EPOCH, 0, 0, size, now);
        }
        OaiRecords.Selection selection = new OaiRecords.Selection(filter, token.from(), token.until());
        OaiRecords.Position after = token.cursor() == 0 && token.afterId() == 0
                ? null
                : new OaiRecords.Position(token.afterUpdated(), token.afterId());
        int pageSize = settings.pageSize();
        List<OaiItem> page = records.page(selection, after, pageSize + 1, withMetadata);
        if (page.isEmpty()) {
            throw new OaiError(OaiError.NO_RECORDS_MATCH, "No record is left in this list.");
        }
        boolean more = page.size() > pageSize;
        List<OaiItem> shown = more ? page.subList(0, pageSize) : page;
        long cursor = token.cursor();
        // the list may have grown since it was counted (records edited during the harvest come again at its end)
        long completeListSize = Math.max(token.completeListSize(), cursor + shown.size() + (more ? 1 : 0));
        boolean tokens = more || arguments.containsKey("resumptionToken");
        ResumptionToken next = null;
        if (more) {
            OaiItem last = shown.get(shown.size() - 1);
            next = new ResumptionToken(
                    token.set(),
                    token.from(),
                    token.until(),
                    last.updatedAt,
                    last.id,
                    cursor + shown.size(),
                    completeListSize,
                    now.truncatedTo(ChronoUnit.SECONDS));
        }
        ResumptionToken nextToken = next;
        String element = withMetadata ? "ListRecords" : "ListIdentifiers";
        return xml -> {
            xml.open(element);
            for (OaiItem item : shown) {
                if (withMetadata) {
                    record(xml, item, site);
                } else {
                    xml.header(item, identifier(item, site));
                }
            }
            if (tokens) {
                xml.resumptionToken(
                        nextToken == null ? null : nextToken.encode(),
                        completeListSize,
                        cursor,
                        nextToken == null ? null : nextToken.expiresAt(settings.tokenLifetime()));
            }
            xml.end();
        };
    }

    /**
     * A record: its header and, unless it is withdrawn, its Dublin Core. Creators are the people whose words the record
     * holds (who presided, lectured or spoke), contributors those who took part otherwise; people only mentioned are
     * neither.
     */
    private void record(OaiXml xml, OaiItem item, Site site) throws XMLStreamException {
        xml.open("record");
        xml.header(item, identifier(item, site));
        if (!item.deleted()) {
            xml.startDublinCore();
            xml.dc("title", item.title, item.language);
            for (OaiItem.Part part : item.parts) {
                if (part.role() == Role.PRESIDED || part.role() == Role.LECTURED || part.role() == Role.SPOKE) {
                    xml.dc("creator", part.name(), null);
                }
            }
            for (OaiItem.Subject subject : item.subjects) {
                xml.dc("subject", subject.name(), "en");
                xml.dc("subject", subject.nameZh(), "zh");
            }
            xml.dc("description", item.summary, item.language);
            xml.dc("publisher", item.organization, null);
            for (OaiItem.Part part : item.parts) {
                if (part.role() == Role.PARTICIPATED) {
                    xml.dc("contributor", part.name(), null);
                }
            }
            xml.dc("date", item.date == null ? null : item.date.toString(), null);
            xml.dc("type", kinds.label(item.kind), "en");
            xml.dc("type", "Text", null);
            xml.dc("identifier", site.landingPagePrefix() + item.slug, null);
            xml.dc("source", item.source, null);
            xml.dc("language", item.language, null);
            for (String translation : item.translations) {
                xml.dc("relation", site.landingPagePrefix() + translation, null);
            }
            xml.dc("coverage", item.place, null);
            xml.endDublinCore();
        }
        xml.end();
    }

    /** {@code oai:<repository identifier>:<slug>}. */
    private String identifier(OaiItem item, Site site) {
        return "oai:" + repositoryIdentifier(site) + ":" + item.slug;
    }

    private String repositoryIdentifier(Site site) {
        return settings.repositoryIdentifier() != null ? settings.repositoryIdentifier() : site.host();
    }

    private OaiItem item(String identifier, Site site) throws OaiError {
        String prefix = "oai:" + repositoryIdentifier(site) + ":";
        Optional<OaiItem> item = Optional.empty();
        if (identifier.startsWith(prefix)) {
            String slug = identifier.substring(prefix.length());
            if (SLUG.matcher(slug).matches()) {
                item = records.find(slug);
            }
        }
        return item.orElseThrow(() -> new OaiError(
                OaiError.ID_DOES_NOT_EXIST, "This archive has no record with the identifier " + identifier + "."));
    }

    private static void metadataPrefix(Map<String, String> arguments) throws OaiError {
        if (!METADATA_PREFIX.matcher(arguments.get("metadataPrefix")).matches()) {
            throw new OaiError(OaiError.BAD_ARGUMENT, "The metadataPrefix argument is not a metadata prefix.");
        }
    }

    private static void requireOaiDc(Map<String, String> arguments) throws OaiError {
        if (!arguments.get("metadataPrefix").equals(OAI_DC)) {
            throw new OaiError(OaiError.CANNOT_DISSEMINATE_FORMAT, "This archive disseminates oai_dc only.");
        }
    }

    /**
     * The instant a from (or, with {@code until}, the first instant after an until) argument names, at day or second
     * granularity.
     */
    private static Instant datestamp(String value, boolean until) throws OaiError {
        try {
            if (DAY.matcher(value).matches()) {
                LocalDate day = LocalDate.parse(value);
                return (until ? day.plusDays(1) : day)
                        .atStartOfDay(ZoneOffset.UTC)
                        .toInstant();
            }
            if (SECOND.matcher(value).matches()) {
                Instant instant = Instant.parse(value);
                return until ? instant.plusSeconds(1) : instant;
            }
        } catch (DateTimeParseException e) {
            // an impossible day, such as 2023-02-30, falls through to the error below
        }
        throw new OaiError(
                OaiError.BAD_ARGUMENT,
                (until ? "until" : "from") + " is not a date (YYYY-MM-DD) or a time (YYYY-MM-DDThh:mm:ssZ).");
    }

    /** The verb's arguments must be all of {@code required}, some of {@code optional}, and nothing else. */
    private static void allow(Map<String, String> arguments, Set<String> required, Set<String> optional)
            throws OaiError {
        for (String name : required) {
            if (!arguments.containsKey(name)) {
                throw new OaiError(OaiError.BAD_ARGUMENT, "The argument " + name + " is missing.");
            }
        }
        for (String name : arguments.keySet()) {
            if (!required.contains(name) && !optional.contains(name)) {
                throw new OaiError(OaiError.BAD_ARGUMENT, "The argument " + name + " is not allowed here.");
            }
        }
    }
}
