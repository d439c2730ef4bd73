package org.policyarchive.audit;

import jakarta.validation.constraints.AssertTrue;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.Size;
import java.time.LocalDate;
import org.jspecify.annotations.Nullable;
import org.policyarchive.system.NoControlCharacters;
import org.springframework.format.annotation.DateTimeFormat;

/** The audit page's filter, as typed into the form or the URL. */
class AuditFilterForm {

    @Size(max = 100, message = "{audit.filter.tooLong}")
    @NoControlCharacters
    private @Nullable String user;

    @Size(max = 100, message = "{audit.filter.tooLong}")
    @NoControlCharacters
    private @Nullable String action;

    @Size(max = 100, message = "{audit.filter.tooLong}")
    @NoControlCharacters
    private @Nullable String type;

    @DateTimeFormat(iso = DateTimeFormat.ISO.DATE)
    private @Nullable LocalDate from;

    @DateTimeFormat(iso = DateTimeFormat.ISO.DATE)
    private @Nullable LocalDate to;

    @Min(value = 0, message = "{audit.filter.page}")
    @Max(value = Integer.MAX_VALUE / AuditController.PAGE_SIZE, message = "{audit.filter.pageTooLarge}")
    private int page;

    AuditQuery toQuery() {
        return new AuditQuery(user, action, type, from, to);
    }

    @AssertTrue(message = "{audit.filter.rangeReversed}")
    public boolean isRangeInOrder() {
        return from == null || to == null || !from.isAfter(to);
    }

    public @Nullable String getUser() {
        return user;
    }

    public void setUser(@Nullable String user) {
        this.user = user;
    }

    public @Nullable String getAction() {
        return action;
    }

    public void setAction(@Nullable String action) {
        this.action = action;
    }

    public @Nullable String getType() {
        return type;
    }

    public void setType(@Nullable String type) {
        this.type = type;
    }

    public @Nullable LocalDate getFrom() {
        return from;
    }

    public void setFrom(@Nullable LocalDate from) {
        this.from = from;
    }

    public @Nullable LocalDate getTo() {
        return to;
    }

    public void setTo(@Nullable LocalDate to) {
        this.to = to;
    }

    public int getPage() {
        return page;
    }

    public void setPage(int page) {
        this.page = page;
    }
}
