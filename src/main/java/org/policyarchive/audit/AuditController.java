package org.policyarchive.audit;

import jakarta.servlet.http.HttpServletResponse;
import jakarta.validation.Valid;
import org.jspecify.annotations.Nullable;
import org.springframework.data.domain.Page;
import org.springframework.data.domain.PageRequest;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.WebDataBinder;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.InitBinder;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.servlet.support.ServletUriComponentsBuilder;
import org.springframework.web.util.UriComponentsBuilder;

/** The audit log for admins, newest first, filtered and paged (admins only, see the security rules). */
@Controller
class AuditController {

    static final int PAGE_SIZE = 50;

    private final AuditLog auditLog;

    AuditController(AuditLog auditLog) {
        this.auditLog = auditLog;
    }

    @InitBinder
    void initBinder(WebDataBinder binder) {
        binder.setDisallowedFields("id");
    }

    @GetMapping("/admin/audit")
    String list(
            @Valid @ModelAttribute("filter") AuditFilterForm filter,
            BindingResult result,
            HttpServletResponse response,
            Model model) {
        if (result.hasErrors()) {
            response.setStatus(HttpServletResponse.SC_BAD_REQUEST);
            model.addAttribute("events", Page.empty());
            return "admin/audit/list";
        }
        Page<AuditEvent> events = auditLog.search(filter.toQuery(), PageRequest.of(filter.getPage(), PAGE_SIZE));
        model.addAttribute("events", events);
        if (events.hasPrevious()) {
            model.addAttribute("previousUrl", pageUrl(filter, events.getNumber() - 1));
        }
        if (events.hasNext()) {
            model.addAttribute("nextUrl", pageUrl(filter, events.getNumber() + 1));
        }
        return "admin/audit/list";
    }

    /** This page's URL with its filters, showing page {@code page}. */
    private static String pageUrl(AuditFilterForm filter, int page) {
        UriComponentsBuilder url = ServletUriComponentsBuilder.fromCurrentRequestUri();
        addIfPresent(url, "user", filter.getUser());
        addIfPresent(url, "action", filter.getAction());
        addIfPresent(url, "type", filter.getType());
        addIfPresent(url, "from", filter.getFrom());
        addIfPresent(url, "to", filter.getTo());
        return url.queryParam("page", page).encode().build().toUriString();
    }

    private static void addIfPresent(UriComponentsBuilder url, String name, @Nullable Object value) {
        if (value != null && !value.toString().isBlank()) {
            url.queryParam(name, value);
        }
    }
}
