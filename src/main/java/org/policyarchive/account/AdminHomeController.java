package org.policyarchive.account;

import org.springframework.security.core.Authentication;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;

/** The admin area's front page: links to the sections the signed-in user may open. */
@Controller
class AdminHomeController {

    @GetMapping("/admin")
    String home(Authentication authentication, Model model) {
        boolean admin = authentication.getAuthorities().stream()
                .map(GrantedAuthority::getAuthority)
                .anyMatch("ROLE_ADMIN"::equals);
        model.addAttribute("role", admin ? AccountRole.ADMIN : AccountRole.EDITOR);
        return "admin/home";
    }
}
