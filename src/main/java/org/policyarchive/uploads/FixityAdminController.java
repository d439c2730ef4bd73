package org.policyarchive.uploads;

import java.security.Principal;
import org.policyarchive.system.Flash;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** The fixity check for admins: the last report, and a button to run the check now. */
@Controller
@RequestMapping("/admin/fixity")
@PreAuthorize("hasRole('ADMIN')")
class FixityAdminController {

    private final FixityCheck fixity;

    FixityAdminController(FixityCheck fixity) {
        this.fixity = fixity;
    }

    @GetMapping
    String show(Model model) {
        model.addAttribute("report", fixity.lastReport());
        return "admin/uploads/fixity";
    }

    @PostMapping
    String run(Principal principal, RedirectAttributes redirect) {
        FixityCheck.FixityReport report = fixity.run(principal.getName());
        Flash.next(redirect, report.mismatches().isEmpty() ? "fixity.done.ok" : "fixity.done.mismatch");
        return "redirect:/admin/fixity";
    }
}
