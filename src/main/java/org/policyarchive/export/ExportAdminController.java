package org.policyarchive.export;

import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * The export page for editors and admins: the whole archive (drafts and withdrawn records too, each with its status)
 * or its published records, as JSON Lines or CSV; and the published records of a search, through the public export.
 */
@Controller
@RequestMapping("/admin/export")
class ExportAdminController {

    private final ArchiveExport export;

    ExportAdminController(ArchiveExport export) {
        this.export = export;
    }

    @GetMapping
    String page(Model model) {
        model.addAttribute("scopes", ArchiveExport.Scope.values());
        return "admin/export/index";
    }

    @GetMapping("/archive")
    void archive(
            @RequestParam(defaultValue = "everything") String scope,
            @RequestParam(defaultValue = "jsonl") String format,
            HttpServletResponse response)
            throws IOException {
        export.download(scope, format, response);
    }
}
