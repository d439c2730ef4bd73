package org.policyarchive.catalogue;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.util.List;
import java.util.Locale;
import org.junit.jupiter.api.Test;
import org.policyarchive.catalogue.SourceLinks.Piece;

class SourceLinksTests {

    @Test
    void linksAGithubReferenceToTheFileAtItsCommit() {
        assertThat(SourceLinks.pieces(
                        "github:kfogel/presidential-speeches@a4c8b38:data/1789-04-30-first-inaugural-address.txt"))
                .containsExactly(
                        new Piece(
                                "kfogel/presidential-speeches, data/1789-04-30-first-inaugural-address.txt (a4c8b38)",
                                "https://github.com/kfogel/presidential-speeches/blob/a4c8b38/data/1789-04-30-first-inaugural-address.txt"));
    }

    @Test
    void linksTheChineseCorpusReferenceWithItsLineAndTheWikisourcePageItCameFrom() {
        List<Piece> pieces = SourceLinks.pieces("github:aldohemsn/chinese-political-corpora@99bc4b0:"
                + "government_work_reports.jsonl#L1 (from https://zh.wikisource.org/wiki/2025年中华人民共和国国务院政府工作报告)");

        assertThat(pieces)
                .containsExactly(
                        new Piece(
                                "aldohemsn/chinese-political-corpora, government_work_reports.jsonl#L1 (99bc4b0)",
                                "https://github.com/aldohemsn/chinese-political-corpora/blob/99bc4b0/"
                                        + "government_work_reports.jsonl#L1"),
                        new Piece(" (from ", null),
                        new Piece(
                                "zh.wikisource.org/wiki/2025年中华人民共和国国务院政府工作报告",
                                "https://zh.wikisource.org/wiki/2025%E5%B9%B4%E4%B8%AD%E5%8D%8E%E4%BA%BA%E6%B0%91%E5%85%B1"
                                        + "%E5%92%8C%E5%9B%BD%E5%9B%BD%E5%8A%A1%E9%99%A2%E6%94%BF%E5%BA%9C%E5%B7%A5%E4%BD%9C"
                                        + "%E6%8A%A5%E5%91%8A"),
                        new Piece(")", null));
    }

    @Test
    void keepsABracketThatTheAddressItselfOpened() {
        assertThat(SourceLinks.pieces("(from https://zh.wikisource.org/wiki/1964年报告（摘要）)"))
                .extracting(Piece::text)
                .containsExactly("(from ", "zh.wikisource.org/wiki/1964年报告（摘要）", ")");
        assertThat(SourceLinks.pieces("https://en.wikipedia.org/wiki/Foo_(bar)."))
                .containsExactly(
                        new Piece("en.wikipedia.org/wiki/Foo_(bar)", "https://en.wikipedia.org/wiki/Foo_(bar)"),
                        new Piece(".", null));
    }

    @Test
    void showsAnAddressAsItsHostAndDecodedPathAndLinksTheWholeAddress() {
        assertThat(SourceLinks.pieces(
                        "https://www.presidency.ucsb.edu/documents/address-%E2%80%9Cnew-deal%E2%80%9D?x=1#top"))
                .containsExactly(new Piece(
                        "presidency.ucsb.edu/documents/address-“new-deal”",
                        "https://www.presidency.ucsb.edu/documents/address-%E2%80%9Cnew-deal%E2%80%9D?x=1#top"));
        assertThat(SourceLinks.pieces("HTTP://Example.org/"))
                .containsExactly(new Piece("example.org", "HTTP://Example.org/"));
    }

    @Test
    void shortensALongPathButLinksTheWholeAddress() {
        String address = "https://example.org/" + "a".repeat(100);

        Piece piece = SourceLinks.pieces(address).get(0);

        assertThat(piece.href()).isEqualTo(address);
        assertThat(piece.text()).startsWith("example.org/aaa").endsWith("…");
        assertThat(piece.text()).hasSize("example.org".length() + SourceLinks.SHOWN_PATH_MAX);
    }

    @Test
    void keepsOtherSourcesAsPlainText() {
        assertThat(SourceLinks.pieces("English-language report of the session (the archive's seed text)."))
                .containsExactly(new Piece("English-language report of the session (the archive's seed text).", null));
        assertThat(SourceLinks.pieces("People's Daily, 22 August 2023, p. 1"))
                .containsExactly(new Piece("People's Daily, 22 August 2023, p. 1", null));
        assertThat(SourceLinks.pieces(null)).isEmpty();
        assertThat(SourceLinks.pieces("  ")).isEmpty();
    }

    @Test
    void neverMakesAJavascriptOrDataLink() {
        for (String script : new String[] {"javascript:alert(1)", "JaVaScRiPt:alert(1)", "data:text/html,<b>x</b>"}) {
            assertThat(SourceLinks.pieces(script)).containsExactly(new Piece(script, null));
        }
        for (String source : new String[] {
            "javascript:alert(1)",
            "JaVaScRiPt:alert(document.cookie)",
            " javascript:alert(1)",
            "data:text/html,<script>alert(1)</script>",
            "vbscript:msgbox(1)",
            "github:evil/repo@abc:javascript:alert(1)",
            "see javascript:alert('https://example.org')",
            "https://javascript:alert(1)",
            "http://",
            "https:// example.org",
            "file:///etc/passwd",
            "//example.org/x",
            "ftp://example.org/file"
        }) {
            assertThat(SourceLinks.pieces(source))
                    .extracting(Piece::href)
                    .as(source)
                    .noneMatch(href -> href != null && !href.startsWith("http"));
            for (Piece piece : SourceLinks.pieces(source)) {
                if (piece.href() != null) {
                    URI href = URI.create(piece.href());
                    assertThat(href.getScheme().toLowerCase(Locale.ROOT))
                            .as(source)
                            .isIn("http", "https");
                    assertThat(href.getHost()).as(source).isNotBlank();
                }
            }
        }
    }
}
