package org.policyarchive.account;

import jakarta.validation.Valid;
import java.security.Principal;
import java.util.Objects;
import org.policyarchive.system.Flash;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.WebDataBinder;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.InitBinder;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** A signed-in user changes their own password. */
@Controller
@RequestMapping("/account/password")
class PasswordController {

    private final UserAccounts accounts;

    PasswordController(UserAccounts accounts) {
        this.accounts = accounts;
    }

    @InitBinder
    void initBinder(WebDataBinder binder) {
        binder.setDisallowedFields("id");
    }

    @GetMapping
    String initForm(Model model) {
        model.addAttribute("form", new PasswordChangeForm());
        return view(model);
    }

    @PostMapping
    String processForm(
            @Valid @ModelAttribute("form") PasswordChangeForm form,
            BindingResult result,
            Principal principal,
            Model model,
            RedirectAttributes redirect) {
        if (!result.hasErrors() && !Objects.equals(form.getNewPassword(), form.getConfirmation())) {
            result.rejectValue("confirmation", "password.mismatch");
        }
        if (!result.hasErrors()) {
            try {
                accounts.changeOwnPassword(principal.getName(), form.getCurrentPassword(), form.getNewPassword());
                Flash.next(redirect, "password.changed.flash", principal.getName());
                return "redirect:/account/password";
            } catch (AccountChangeRejectedException e) {
                result.rejectValue(
                        e.getMessageKey().equals("account.password.currentWrong") ? "currentPassword" : "newPassword",
                        e.getMessageKey());
            }
        }
        form.setCurrentPassword(null);
        form.setNewPassword(null);
        form.setConfirmation(null);
        return view(model);
    }

    private static String view(Model model) {
        model.addAttribute("minLength", UserAccounts.MIN_PASSWORD_LENGTH);
        return "account/password";
    }
}
