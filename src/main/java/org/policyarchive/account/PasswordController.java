package org.policyarchive.account;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.validation.Valid;
import java.util.Objects;
import org.policyarchive.system.Flash;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContext;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.core.userdetails.UserDetails;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.security.web.context.SecurityContextRepository;
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

/**
 * A signed-in user changes their own password. Their other sessions end; the one they changed it in stays signed
 * in, under the account's new credential stamp and a new session id.
 */
@Controller
@RequestMapping("/account/password")
class PasswordController {

    private final UserAccounts accounts;
    private final UserDetailsService userDetails;
    private final SecurityContextRepository securityContexts;

    PasswordController(
            UserAccounts accounts, UserDetailsService userDetails, SecurityContextRepository securityContexts) {
        this.accounts = accounts;
        this.userDetails = userDetails;
        this.securityContexts = securityContexts;
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
            Authentication signedIn,
            HttpServletRequest request,
            HttpServletResponse response,
            Model model,
            RedirectAttributes redirect) {
        if (!result.hasErrors() && !Objects.equals(form.getNewPassword(), form.getConfirmation())) {
            result.rejectValue("confirmation", "password.mismatch");
        }
        if (!result.hasErrors()) {
            try {
                accounts.changeOwnPassword(signedIn.getName(), form.getCurrentPassword(), form.getNewPassword());
                staySignedIn(signedIn, request, response);
                Flash.next(redirect, "password.changed.flash", signedIn.getName());
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

    /** Signs this session in again under the new credential stamp, so that it is not signed out with the others. */
    private void staySignedIn(Authentication signedIn, HttpServletRequest request, HttpServletResponse response) {
        UserDetails user = userDetails.loadUserByUsername(signedIn.getName());
        UsernamePasswordAuthenticationToken renewed =
                UsernamePasswordAuthenticationToken.authenticated(user, null, user.getAuthorities());
        renewed.setDetails(signedIn.getDetails());
        SecurityContext context = SecurityContextHolder.createEmptyContext();
        context.setAuthentication(renewed);
        SecurityContextHolder.setContext(context);
        if (request.getSession(false) != null) {
            request.changeSessionId();
        }
        securityContexts.saveContext(context, request, response);
    }

    private static String view(Model model) {
        model.addAttribute("minLength", UserAccounts.MIN_PASSWORD_LENGTH);
        return "account/password";
    }
}
