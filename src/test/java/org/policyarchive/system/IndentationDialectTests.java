package org.policyarchive.system;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.thymeleaf.context.Context;
import org.thymeleaf.spring6.SpringTemplateEngine;
import org.thymeleaf.templatemode.TemplateMode;
import org.thymeleaf.templateresolver.StringTemplateResolver;

class IndentationDialectTests {

    private final SpringTemplateEngine engine = engine();

    @Test
    void leavesTheIndentationBetweenTagsOut() {
        assertThat(render("<ul>\n    <li>\n      <a href=\"/a\">A</a>\n      <span>1</span>\n    </li>\n  </ul>"))
                .isEqualTo("<ul>\n<li>\n<a href=\"/a\">A</a>\n<span>1</span>\n</li>\n</ul>");
    }

    @Test
    void keepsOneSpaceBetweenWordsInLineAndTheTextItself() {
        assertThat(render("<p><a>one</a>   <b>two</b>  three   four\n    five</p>"))
                .isEqualTo("<p><a>one</a> <b>two</b>  three   four\n    five</p>");
    }

    @Test
    void keepsWhitespaceWhereItIsShownAsWritten() {
        String kept =
                "<pre>\n  <b>code</b>\n    </pre><textarea>\n\n    indented</textarea><td>\n   <span>a</span>\n</td>";

        assertThat(render("<div>\n  " + kept + "\n</div>")).isEqualTo("<div>\n" + kept + "\n</div>");
    }

    @Test
    void leavesTheTemplatesOwnIndentationOutOfWhatItRenders() {
        assertThat(render(
                        "<ul>\n  <li th:each=\"n : ${numbers}\">\n    <span th:text=\"${n}\"></span>\n  </li>\n</ul>"))
                .isEqualTo("<ul>\n<li>\n<span>1</span>\n</li>\n<li>\n<span>2</span>\n</li>\n</ul>");
    }

    private String render(String template) {
        Context context = new Context();
        context.setVariable("numbers", java.util.List.of(1, 2));
        return engine.process(template, context);
    }

    private static SpringTemplateEngine engine() {
        SpringTemplateEngine engine = new SpringTemplateEngine();
        StringTemplateResolver resolver = new StringTemplateResolver();
        resolver.setTemplateMode(TemplateMode.HTML);
        engine.setTemplateResolver(resolver);
        engine.addDialect(new IndentationDialect());
        return engine;
    }
}
