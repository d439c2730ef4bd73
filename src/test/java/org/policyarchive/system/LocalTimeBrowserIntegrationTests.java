package org.policyarchive.system;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.Locale;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chromium.HasCdp;
import org.policyarchive.account.AccountRole;
import org.policyarchive.account.UserAccounts;
import org.policyarchive.testing.Browser;
import org.policyarchive.testing.CleanArchive;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;

/**
 * In a browser whose time zone is Shanghai's (set through the DevTools protocol), an admin page's instant reads in
 * Shanghai time, in the page's language, while the UTC text the server wrote stays as its title.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@CleanArchive
class LocalTimeBrowserIntegrationTests {

    static final ZoneId SHANGHAI = ZoneId.of("Asia/Shanghai");

    @RegisterExtension
    Browser browser = new Browser();

    @Autowired
    UserAccounts accounts;

    @Test
    void showsTheTimeOfAnAdminPageInTheReadersTimeZone() {
        ((HasCdp) browser.driver())
                .executeCdpCommand("Emulation.setTimezoneOverride", Map.of("timezoneId", SHANGHAI.getId()));
        browser.signInAsNewUser(accounts, AccountRole.ADMIN);

        browser.open("/admin/records");
        WebElement time = browser.driver().findElement(By.cssSelector("main time.local-time"));
        Instant instant = Instant.parse(time.getAttribute("datetime"));

        // Intl.DateTimeFormat in English: "Dec 7, 2026, 1:05:09 PM GMT+8"
        String local = DateTimeFormatter.ofPattern("MMM d, yyyy, h:mm:ss a", Locale.ENGLISH)
                .withZone(SHANGHAI)
                .format(instant);
        // newer ICU puts a narrow no-break space before "PM"
        assertThat(time.getText().replace('\u202f', ' ').replace('\u00a0', ' ')).isEqualTo(local + " GMT+8");
        assertThat(time.getAttribute("title")).endsWith(" UTC");
        browser.assertAccessible();
    }
}
