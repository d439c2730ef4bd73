package org.policyarchive.search;

import org.policyarchive.system.Flash;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** The admin page that rebuilds the search index from PostgreSQL and shows how far the rebuild has got. */
@Controller
@RequestMapping("/admin/search")
@PreAuthorize("hasRole('ADMIN')")
class SearchAdminController {

    private final SearchIndexMaintenance maintenance;

    SearchAdminController(SearchIndexMaintenance maintenance) {
        this.maintenance = maintenance;
    }

    @GetMapping
    String status(Model model) {
        model.addAttribute("progress", maintenance.progress());
        return "admin/search/index";
    }

    @PostMapping("/reindex")
    String reindex(RedirectAttributes redirect) {
        boolean started = maintenance.startRebuild();
        Flash.next(redirect, started ? "admin.search.started" : "admin.search.alreadyRunning");
        return "redirect:/admin/search";
    }
}
