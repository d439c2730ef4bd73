package org.policyarchive.account;

import jakarta.validation.Valid;
import org.policyarchive.system.Flash;
import org.springframework.security.core.Authentication;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.WebDataBinder;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.InitBinder;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * The API tokens page: a signed-in editor makes, lists and revokes his or her own tokens; an admin sees and may revoke
 * everyone's. A new token's secret is shown in the answer to the form, once: it is never put in the session (which
 * lives in PostgreSQL) nor in a redirect.
 */
@Controller
@RequestMapping(ApiTokenAdminController.PATH)
class ApiTokenAdminController {

    static final String PATH = "/admin/api-tokens";

    private final ApiTokens tokens;

    ApiTokenAdminController(ApiTokens tokens) {
        this.tokens = tokens;
    }

    @InitBinder
    void initBinder(WebDataBinder binder) {
        binder.setDisallowedFields("id");
    }

    @GetMapping
    String list(Authentication user, Model model) {
        model.addAttribute("form", new ApiTokenForm());
        return listView(user, model);
    }

    @PostMapping
    String create(
            @Valid @ModelAttribute("form") ApiTokenForm form, BindingResult result, Authentication user, Model model) {
        if (!result.hasErrors()) {
            ApiTokens.Created created = tokens.create(user.getName(), form.getName());
            model.addAttribute("created", created);
            model.addAttribute("form", new ApiTokenForm());
        }
        return listView(user, model);
    }

    @PostMapping("/{id}/revoke")
    String revoke(@PathVariable long id, Authentication user, RedirectAttributes redirect) {
        Flash.next(redirect, tokens.revoke(id, user.getName(), isAdmin(user)) ? "tokens.revoked" : "tokens.notRevoked");
        return "redirect:" + PATH;
    }

    private String listView(Authentication user, Model model) {
        boolean admin = isAdmin(user);
        model.addAttribute("tokens", tokens.list(user.getName(), admin));
        model.addAttribute("everyone", admin);
        return "admin/tokens/list";
    }

    private static boolean isAdmin(Authentication user) {
        return user.getAuthorities().stream().anyMatch(a -> "ROLE_ADMIN".equals(a.getAuthority()));
    }
}
