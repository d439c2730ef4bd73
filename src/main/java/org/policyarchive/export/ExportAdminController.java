package org.policyarchive.export;

import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.Arrays;
import java.util.Locale;
import org.policyarchive.interchange.InterchangeFormat;
import org.policyarchive.system.InvalidParameterException;
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
        ArchiveExport.Scope chosen = Arrays.stream(ArchiveExport.Scope.values())
                .filter(s -> s.name().equalsIgnoreCase(scope.strip()))
                .findFirst()
                .orElseThrow(() -> new InvalidParameterException("scope", scope, "export.scope.invalid"));
        InterchangeFormat chosenFormat = InterchangeFormat.ofFileName("." + format.strip())
                .orElseThrow(() -> new InvalidParameterException("format", format, "export.format.invalid"));
        String name = "policy-archive-" + chosen.name().toLowerCase(Locale.ROOT) + "-" + LocalDate.now(ZoneOffset.UTC);
        ExportDownloads.prepare(response, chosenFormat, name);
        export.export(chosen, chosenFormat, response.getOutputStream());
    }
}
