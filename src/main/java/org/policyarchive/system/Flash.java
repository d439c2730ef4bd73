package org.policyarchive.system;

import java.io.Serializable;
import java.util.Arrays;
import org.springframework.ui.Model;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * What the last action did, said once on the page that follows it (post/redirect/get) or on the page shown now: a key
 * of the messages files with its arguments, which every page shows the same way ({@code fragments :: flash}).
 */
public record Flash(String key, Object... arguments) implements Serializable {

    /** The model attribute and flash attribute that pages read. */
    public static final String ATTRIBUTE = "flash";

    public Flash {
        arguments = arguments.clone();
    }

    /** Says {@code key} on the page the redirect leads to. */
    public static void next(RedirectAttributes redirect, String key, Object... arguments) {
        redirect.addFlashAttribute(ATTRIBUTE, new Flash(key, arguments));
    }

    /** Says {@code key} on the page shown now. */
    public static void now(Model model, String key, Object... arguments) {
        model.addAttribute(ATTRIBUTE, new Flash(key, arguments));
    }

    @Override
    public Object[] arguments() {
        return arguments.clone();
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof Flash that && key.equals(that.key) && Arrays.equals(arguments, that.arguments);
    }

    @Override
    public int hashCode() {
        return 31 * key.hashCode() + Arrays.hashCode(arguments);
    }

    @Override
    public String toString() {
        return key + Arrays.toString(arguments);
    }
}
