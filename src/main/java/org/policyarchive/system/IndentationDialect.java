package org.policyarchive.system;

import java.util.Set;
import org.springframework.stereotype.Component;
import org.thymeleaf.dialect.AbstractDialect;
import org.thymeleaf.dialect.IPostProcessorDialect;
import org.thymeleaf.engine.AbstractTemplateHandler;
import org.thymeleaf.model.ICloseElementTag;
import org.thymeleaf.model.IOpenElementTag;
import org.thymeleaf.model.IText;
import org.thymeleaf.postprocessor.IPostProcessor;
import org.thymeleaf.postprocessor.PostProcessor;
import org.thymeleaf.templatemode.TemplateMode;

/**
 * Leaves the templates' indentation out of the pages: a run of whitespace between two tags becomes one line break,
 * which a browser reads the same (whitespace collapses), except where whitespace is kept as written: in
 * {@code pre}, {@code textarea}, and the admin tables' cells, which keep line breaks ({@code white-space: pre-wrap}).
 * A third of a list page's bytes were indentation, sent to every reader who asks for a page uncompressed and copied
 * into the page cache.
 */
@Component
class IndentationDialect extends AbstractDialect implements IPostProcessorDialect {

    IndentationDialect() {
        super("indentation");
    }

    @Override
    public int getDialectPostProcessorPrecedence() {
        return 1000;
    }

    @Override
    public Set<IPostProcessor> getPostProcessors() {
        return Set.of(new PostProcessor(TemplateMode.HTML, Remover.class, 1000));
    }

    /** One per page rendered; Thymeleaf makes it by its public constructor. */
    public static final class Remover extends AbstractTemplateHandler {

        private static final Set<String> KEEPING_WHITESPACE = Set.of("pre", "textarea", "td");

        /** How many elements that keep their whitespace are open around the current event. */
        private int keeping;

        @Override
        public void handleOpenElement(IOpenElementTag tag) {
            if (KEEPING_WHITESPACE.contains(tag.getElementCompleteName())) {
                keeping++;
            }
            super.handleOpenElement(tag);
        }

        @Override
        public void handleCloseElement(ICloseElementTag tag) {
            if (keeping > 0 && KEEPING_WHITESPACE.contains(tag.getElementCompleteName())) {
                keeping--;
            }
            super.handleCloseElement(tag);
        }

        @Override
        public void handleText(IText text) {
            if (keeping == 0 && text.length() > 1 && isWhitespace(text)) {
                super.handleText(getContext().getModelFactory().createText(lineBreakOrSpace(text)));
            } else {
                super.handleText(text);
            }
        }

        private static boolean isWhitespace(CharSequence text) {
            for (int i = 0; i < text.length(); i++) {
                if (!Character.isWhitespace(text.charAt(i))) {
                    return false;
                }
            }
            return true;
        }

        private static String lineBreakOrSpace(CharSequence text) {
            for (int i = 0; i < text.length(); i++) {
                if (text.charAt(i) == '\n') {
                    return "\n";
                }
            }
            return " ";
        }
    }
}
