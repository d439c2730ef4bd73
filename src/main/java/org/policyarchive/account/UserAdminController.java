package org.policyarchive.account;

import jakarta.validation.Valid;
import java.security.Principal;
import org.policyarchive.system.Flash;
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

/** Admins list, create, disable and enable accounts and reset their passwords (admins only, see the security rules). */
@Controller
@RequestMapping("/admin/users")
class UserAdminController {

    private static final String REDIRECT_TO_LIST = "redirect:/admin/users";

    private final UserAccounts accounts;

    UserAdminController(UserAccounts accounts) {
        this.accounts = accounts;
    }

    @InitBinder
    void initBinder(WebDataBinder binder) {
        binder.setDisallowedFields("id");
    }

    @GetMapping
    String list(Model model) {
        model.addAttribute("users", accounts.findAll());
        return "admin/users/list";
    }

    @GetMapping("/new")
    String initCreationForm(Model model) {
        model.addAttribute("form", new NewUserForm());
        return formView(model);
    }

    @PostMapping
    String processCreationForm(
            @Valid @ModelAttribute("form") NewUserForm form,
            BindingResult result,
            Model model,
            RedirectAttributes redirect) {
        if (!result.hasErrors()) {
            try {
                UserAccount created = accounts.createUser(form.getUsername(), form.getPassword(), form.getRole());
                Flash.next(redirect, "users.created.flash", created.getUsername());
                return REDIRECT_TO_LIST;
            } catch (AccountChangeRejectedException e) {
                result.rejectValue(
                        e.getMessageKey().startsWith("account.username") ? "username" : "password", e.getMessageKey());
            }
        }
        form.setPassword(null);
        return formView(model);
    }

    @PostMapping("/{username}/disable")
    String disable(@PathVariable String username, Principal principal, RedirectAttributes redirect) {
        UserAccount account =
                accounts.findByUsername(username).orElseThrow(() -> new UnknownAccountException(username));
        if (account.getUsername().equalsIgnoreCase(principal.getName())) {
            Flash.next(redirect, "users.cannotDisableSelf", account.getUsername());
            return REDIRECT_TO_LIST;
        }
        accounts.disable(account.getUsername());
        Flash.next(redirect, "users.disabled.flash", account.getUsername());
        return REDIRECT_TO_LIST;
    }

    @PostMapping("/{username}/enable")
    String enable(@PathVariable String username, RedirectAttributes redirect) {
        accounts.enable(username);
        Flash.next(redirect, "users.enabled.flash", username);
        return REDIRECT_TO_LIST;
    }

    @GetMapping("/{username}/password")
    String initResetForm(@PathVariable String username, Model model) {
        model.addAttribute("account", require(username));
        model.addAttribute("form", new PasswordResetForm());
        return resetView(model);
    }

    @PostMapping("/{username}/password")
    String processResetForm(
            @PathVariable String username,
            @Valid @ModelAttribute("form") PasswordResetForm form,
            BindingResult result,
            Model model,
            RedirectAttributes redirect) {
        UserAccount account = require(username);
        if (!result.hasErrors()) {
            try {
                accounts.resetPassword(account.getUsername(), form.getPassword());
                Flash.next(redirect, "users.reset.flash", account.getUsername());
                return REDIRECT_TO_LIST;
            } catch (AccountChangeRejectedException e) {
                result.rejectValue("password", e.getMessageKey());
            }
        }
        model.addAttribute("account", account);
        form.setPassword(null);
        return resetView(model);
    }

    private UserAccount require(String username) {
        return accounts.findByUsername(username).orElseThrow(() -> new UnknownAccountException(username));
    }

    private static String formView(Model model) {
        model.addAttribute("roles", AccountRole.values());
        model.addAttribute("minLength", UserAccounts.MIN_PASSWORD_LENGTH);
        return "admin/users/new";
    }

    private static String resetView(Model model) {
        model.addAttribute("minLength", UserAccounts.MIN_PASSWORD_LENGTH);
        return "admin/users/password";
    }
}
