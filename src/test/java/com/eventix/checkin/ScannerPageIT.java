package com.eventix.checkin;

import static com.eventix.testing.DoorGuests.code;
import static com.eventix.testing.DoorGuests.tickets;
import static org.assertj.core.api.Assertions.assertThat;

import com.eventix.testing.Browser;
import com.eventix.testing.Db;
import com.eventix.testing.DoorGuests;
import com.eventix.testing.DoorGuests.Person;
import com.eventix.testing.DoorGuests.Scanner;
import com.eventix.testing.DoorGuests.Show;
import com.eventix.testing.FakeCamera;
import com.eventix.testing.IntegrationTest;
import com.eventix.testing.Organizer;
import io.restassured.path.json.JsonPath;
import java.io.IOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.Keys;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.StaleElementReferenceException;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.support.ui.Select;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * The door scanner page (/scanner/) in a real browser against the deployed WAR: a device signs in with its key and
 * scans through the keyboard-wedge field; online answers come from the server (green, red with the reason), and with
 * the network gone the page decides on its own (amber), queues, and syncs when it is back, conflicts flagged. Each
 * result screen is photographed under target/scanner-screens.
 */
class ScannerPageIT extends IntegrationTest {
    private static final Path SCREENS = Path.of("target", "scanner-screens");
    private static final Duration ANSWER = Duration.ofSeconds(20);

    private DoorGuests guests;
    private Organizer organizer;

    @BeforeEach
    void setUp() {
        organizer = Organizer.verified(api(), admin(), "scanner-page");
        guests = new DoorGuests(organizer, deploymentUrl);
    }

    @Test
    void aDoorAdmitsOnlineRefusesARepeatAndKeepsScanningOfflineUntilItSyncs() throws Exception {
        Show show = guests.show(admin(), "Scanner page night");
        Person holder = guests.person("page-guest");
        Person friend = guests.person("page-friend");
        List<String> ids = tickets(holder, show.tierId(), 6);
        List<String> codes = ids.stream().map(id -> code(holder, id)).toList();
        // The sixth ticket is given away before the doors open: its first code is void.
        DoorGuests.transfer(holder, friend, ids.get(5));
        Scanner device = guests.scanner(show.id(), "Page phone", "North", null);

        try (Browser browser = Browser.headless()) {
            Page page = new Page(browser, "online");
            page.signIn(device.key(), "B");

            for (int i = 0; i < 3; i++) {
                WebElement result = page.scan(codes.get(i), "ok");
                assertThat(text(result, "result-title")).isEqualTo("Admitted");
                assertThat(text(result, "result-who")).isEqualTo("Test User");
                assertThat(text(result, "result-why")).isEqualTo("Tier 1");
                if (i == 0) {
                    page.screenshot("admitted");
                }
            }
            JsonPath stats = device.api().get("/api/v1/checkin/event/" + show.id()).then().statusCode(200).extract()
                    .jsonPath();
            assertThat(stats.getLong("data.checkedIn")).isEqualTo(3);
            assertThat(stats.getLong("data.entries")).isEqualTo(3);
            page.waitForText("count-admitted", "3");
            page.waitForText("count-event-in", "3");

            // The first again: refused, with when and where it went in, on the browser's clock.
            WebElement again = page.scan(codes.get(0), "no");
            long admittedAt = Long.parseLong(Db.rows("SELECT extract(epoch FROM admitted_at)::bigint FROM "
                    + "checkin_admissions WHERE ticket_id = ?::uuid", ids.get(0)).get(0));
            String time = DateTimeFormatter.ofPattern("HH:mm").withZone(page.zone())
                    .format(Instant.ofEpochSecond(admittedAt));
            assertThat(text(again, "result-title")).isEqualTo("Refused");
            assertThat(text(again, "result-why")).startsWith("Already checked in at " + time + " through gate B");
            page.screenshot("already-checked-in");

            // The network goes; the page still opens (from its service worker) and decides on its own.
            page.waitForOfflineReady();
            page.network(false);
            page.reload();
            WebElement fourth = page.scan(codes.get(3), "offline");
            assertThat(text(fourth, "result-title")).isEqualTo("Admitted (offline)");
            assertThat(text(fourth, "result-who")).isEqualTo("Tier 1");
            page.screenshot("admitted-offline");
            page.scan(codes.get(4), "offline");
            WebElement revoked = page.scan(codes.get(5), "no");
            assertThat(text(revoked, "result-why")).startsWith("Transferred");
            assertThat(text(revoked, "result-note")).contains("No network");
            page.screenshot("refused-offline");
            page.waitForText("count-queued", "3");
            page.waitForText("count-admitted", "5");
            assertThat(Db.integer("SELECT count(*) FROM checkin_scans WHERE event_id = ?::uuid AND offline", show.id()))
                    .as("nothing reached the server").isZero();

            // The network is back: the queue is synced and the server has the two admissions as offline ones.
            page.network(true);
            page.waitForText("count-queued", "0");
            assertThat(Db.rows("SELECT result || ' ' || coalesce(reason, '') FROM checkin_scans WHERE event_id = ?::uuid "
                    + "AND offline ORDER BY scanned_at", show.id()))
                    .containsExactly("ADMITTED ", "ADMITTED ", "INVALID REVOKED");
            assertThat(Db.integer("SELECT count(*) FROM checkin_admissions WHERE event_id = ?::uuid", show.id()))
                    .isEqualTo(5);
            page.waitForText("count-event-in", "5");
            assertThat(page.driver.findElements(By.cssSelector("#history li")).stream()
                    .map(li -> li.getDomProperty("textContent")).filter(t -> t.contains("server: accepted")))
                    .hasSize(2);
            assertThat(page.driver.findElements(By.cssSelector("#conflicts li"))).isEmpty();
            assertThat(browser.consoleErrors()).as("the page's console")
                    .filteredOn(ScannerPageIT::unexpected).isEmpty();
        }
    }

    @Test
    void twoDevicesAdmitOneTicketOfflineAndTheLaterSyncIsFlaggedAsADuplicate() throws Exception {
        Show show = guests.show(admin(), "Scanner page duplicates");
        Person holder = guests.person("page-twice");
        String code = code(holder, tickets(holder, show.tierId(), 1).get(0));
        Scanner west = guests.scanner(show.id(), "West phone", "West", null);
        Scanner east = guests.scanner(show.id(), "East phone", "East", null);

        try (Browser first = Browser.headless(); Browser second = Browser.headless()) {
            Page westPage = new Page(first, "west");
            Page eastPage = new Page(second, "east");
            westPage.signIn(west.key(), "");
            eastPage.signIn(east.key(), "");
            westPage.waitForOfflineReady();
            eastPage.waitForOfflineReady();
            westPage.network(false);
            eastPage.network(false);

            westPage.scan(code, "offline");
            eastPage.scan(code, "offline");
            westPage.network(true);
            westPage.waitForText("count-queued", "0");
            eastPage.network(true);
            eastPage.waitForText("count-queued", "0");

            // The later one is told at once, and listed for staff to find the guest.
            eastPage.waitForText("result-title", "Conflict to check");
            assertThat(eastPage.driver.findElement(By.id("result")).getDomAttribute("data-verdict")).isEqualTo("no");
            assertThat(eastPage.driver.findElement(By.id("result-why")).getDomProperty("textContent"))
                    .startsWith("Duplicate").contains("through gate West by West phone");
            eastPage.screenshot("duplicate-conflict");
            eastPage.waitForText("count-conflicts", "1");
            WebElement conflict = eastPage.driver.findElement(By.cssSelector("#conflicts li"));
            assertThat(conflict.getDomAttribute("data-verdict")).isEqualTo("DUPLICATE");
            assertThat(conflict.getDomProperty("textContent")).startsWith("Duplicate").contains("by West phone");
            eastPage.driver.findElement(By.id("result")).click();
            eastPage.screenshot("conflicts-listed");
            assertThat(westPage.driver.findElements(By.cssSelector("#conflicts li"))).isEmpty();

            JsonPath stats = organizer.api.get("/api/v1/checkin/event/" + show.id()).then().statusCode(200).extract()
                    .jsonPath();
            assertThat(stats.getLong("data.offlineConflicts")).isEqualTo(1);
            assertThat(stats.getLong("data.checkedIn")).isEqualTo(1);
            eastPage.waitForText("count-event-conflicts", "1");
            assertThat(first.consoleErrors()).filteredOn(ScannerPageIT::unexpected).isEmpty();
            assertThat(second.consoleErrors()).filteredOn(ScannerPageIT::unexpected).isEmpty();
        }
    }

    /** A ticket given away after the device took its bundle: let in offline on its old code, flagged once synced. */
    @Test
    void aVoidTicketLetInOfflineIsFlaggedWhenTheQueueSyncs() throws Exception {
        Show show = guests.show(admin(), "Scanner page late transfer");
        Person holder = guests.person("page-giver");
        Person friend = guests.person("page-taker");
        String ticketId = tickets(holder, show.tierId(), 1).get(0);
        String oldCode = code(holder, ticketId);
        Scanner device = guests.scanner(show.id(), "Side phone", "Side", null);

        try (Browser browser = Browser.headless()) {
            Page page = new Page(browser, "late transfer");
            page.signIn(device.key(), "");
            page.waitForOfflineReady();
            DoorGuests.transfer(holder, friend, ticketId);
            page.network(false);
            page.scan(oldCode, "offline");
            page.network(true);

            page.waitForText("result-title", "Conflict to check");
            assertThat(page.driver.findElement(By.id("result-why")).getDomProperty("textContent"))
                    .startsWith("Void ticket let in").contains("Transferred");
            page.screenshot("void-ticket-conflict");
            page.waitForText("count-conflicts", "1");
            assertThat(page.driver.findElement(By.cssSelector("#conflicts li")).getDomAttribute("data-verdict"))
                    .isEqualTo("REVOKED_ADMITTED");
            assertThat(Db.rows("SELECT result || ' ' || reason FROM checkin_scans WHERE ticket_id = ?::uuid", ticketId))
                    .containsExactly("REVOKED_ADMITTED REVOKED");
            assertThat(browser.consoleErrors()).filteredOn(ScannerPageIT::unexpected).isEmpty();
        }
    }

    /**
     * The camera: Chromium on Linux has no BarcodeDetector of its own, so the page's vendored ZXing reader (served by
     * the WAR) reads the ticket's own QR image from the camera, and the ticket goes in.
     */
    @Test
    void theCameraReadsATicketsQrImage() throws Exception {
        Show show = guests.show(admin(), "Scanner page camera");
        Person holder = guests.person("page-camera");
        String ticketId = tickets(holder, show.tierId(), 1).get(0);
        byte[] png = holder.api().get("/api/v1/tickets/" + ticketId + "/qr").then().statusCode(200).extract()
                .asByteArray();
        Scanner device = guests.scanner(show.id(), "Camera phone", "Front", null);

        try (Browser browser = Browser.headless(FakeCamera.switches(FakeCamera.showing(png, "ticket")))) {
            Page page = new Page(browser, "camera");
            page.signIn(device.key(), "");
            assertThat((Boolean) ((JavascriptExecutor) page.driver).executeScript("return 'BarcodeDetector' in window"))
                    .as("a native detector (the vendored one is what this test is about)").isFalse();
            page.driver.findElement(By.id("camera-button")).click();
            WebElement result = page.answer(1, "ok");
            assertThat(text(result, "result-title")).isEqualTo("Admitted");
            assertThat(text(result, "result-note")).isEqualTo("Gate Front");
            page.screenshot("admitted-by-camera");
            assertThat(page.driver.findElement(By.id("camera-button")).getDomAttribute("aria-pressed")).isEqualTo("true");
            assertThat(browser.consoleErrors()).filteredOn(ScannerPageIT::unexpected).isEmpty();
        }
        assertThat(Db.integer("SELECT count(*) FROM checkin_admissions WHERE ticket_id = ?::uuid", ticketId)).isOne();
    }

    /** A device keeps the keys of two events and goes from one to the other; each keeps its own door settings. */
    @Test
    void aPageHoldsDevicesOfTwoEventsAndSwitchesBetweenThem() throws Exception {
        Show early = guests.show(admin(), "Scanner page early show");
        Show late = guests.show(admin(), "Scanner page late show");
        Scanner earlyDevice = guests.scanner(early.id(), "Early phone", null, null);
        Scanner lateDevice = guests.scanner(late.id(), "Late phone", null, null);

        try (Browser browser = Browser.headless()) {
            Page page = new Page(browser, "two events");
            page.signIn(earlyDevice.key(), "Early gate");
            page.driver.findElement(By.id("change")).click();
            page.waitForScreen("setup");
            page.driver.findElement(By.id("add-event")).click();
            page.signIn(lateDevice.key(), "Late gate");
            assertThat(page.driver.findElement(By.id("where")).getText()).contains("Scanner page late show")
                    .contains("gate Late gate");

            page.driver.findElement(By.id("change")).click();
            page.waitForScreen("setup");
            Select events = new Select(page.driver.findElement(By.id("event")));
            assertThat(events.getOptions()).extracting(WebElement::getText)
                    .containsExactlyInAnyOrder("Scanner page early show", "Scanner page late show");
            events.selectByVisibleText("Scanner page early show");
            page.reloaded("scan");
            assertThat(page.driver.findElement(By.id("where")).getText()).contains("Scanner page early show")
                    .contains("gate Early gate");
            assertThat(browser.consoleErrors()).filteredOn(ScannerPageIT::unexpected).isEmpty();
        }
    }

    /** Refused answers (409, 422) and requests made while offline are logged by the browser; script errors are not. */
    private static boolean unexpected(String message) {
        return !message.contains("Failed to load resource");
    }

    private static String text(WebElement result, String id) {
        return result.findElement(By.id(id)).getDomProperty("textContent");
    }

    /** The scanner page in one browser, at a phone's size, reached through localhost (a secure context). */
    private final class Page {
        final ChromeDriver driver;
        final String name;
        int scans;

        Page(Browser browser, String name) {
            this.driver = browser.driver();
            this.name = name;
            driver.manage().window().setSize(new Dimension(412, 900));
            URI base = URI.create(api().base() + "/scanner/");
            driver.get("http://localhost:" + base.getPort() + base.getRawPath());
        }

        void signIn(String deviceKey, String gate) {
            waitForScreen("signin");
            driver.findElement(By.id("device-key")).sendKeys(deviceKey, Keys.ENTER);
            waiting().withMessage(this::state).until(d -> "setup".equals(screen()) && d.findElement(By.id("gate"))
                    .getDomProperty("value").isEmpty() && !d.findElement(By.id("list")).getDomProperty("value").isEmpty());
            assertThat(driver.findElement(By.id("list")).getDomProperty("value")).isNotBlank();
            driver.findElement(By.id("gate")).sendKeys(gate);
            driver.findElement(By.cssSelector("#setup-form button[type=submit]")).click();
            waitForScreen("scan");
        }

        /** A code typed into the wedge field with Enter, as a hardware scanner does; answers the result screen. */
        WebElement scan(String code, String verdict) {
            driver.findElement(By.id("wedge")).sendKeys(code, Keys.ENTER);
            return answer(++scans, verdict);
        }

        /** The result screen of the page's {@code seq}th answer since it was opened. */
        WebElement answer(int seq, String verdict) {
            WebElement result = driver.findElement(By.id("result"));
            new WebDriverWait(driver, ANSWER).until(d ->
                    String.valueOf(seq).equals(result.getDomAttribute("data-seq")));
            assertThat(result.getDomAttribute("data-verdict")).as("scan %d: %s", seq,
                    result.getDomProperty("textContent")).isEqualTo(verdict);
            return result;
        }

        /** The page opened again: it comes back to scanning, from what it keeps on the device. */
        void reload() {
            driver.navigate().refresh();
            reloaded("scan");
        }

        /** After the page loaded itself again: its answers count from one, and it shows {@code screen}. */
        void reloaded(String screen) {
            scans = 0;
            waiting().until(d -> screen.equals(screen())
                    && "true".equals(d.findElement(By.tagName("html")).getDomAttribute("data-started")));
        }

        /** What the page shows, for a failure's message. */
        String state() {
            return name + " shows " + screen() + ": " + driver.findElement(By.tagName("main")).getText();
        }

        String screen() {
            return driver.findElement(By.tagName("html")).getDomAttribute("data-screen");
        }

        void waitForScreen(String screen) {
            waiting().until(d -> screen.equals(screen()));
        }

        /** Waits across the page's own reloads too. */
        WebDriverWait waiting() {
            WebDriverWait wait = new WebDriverWait(driver, ANSWER);
            wait.ignoring(StaleElementReferenceException.class);
            return wait;
        }

        void waitForText(String id, String expected) {
            new WebDriverWait(driver, Duration.ofSeconds(40))
                    .withMessage(() -> "#" + id + " shows " + expected + " in " + name)
                    .until(d -> expected.equals(d.findElement(By.id(id)).getDomProperty("textContent")));
        }

        /** The service worker controls the page and the offline bundle is stored. */
        void waitForOfflineReady() {
            new WebDriverWait(driver, ANSWER).until(d -> {
                WebElement html = d.findElement(By.tagName("html"));
                return "controlling".equals(html.getDomAttribute("data-service-worker"))
                        && html.getDomAttribute("data-bundle") != null;
            });
        }

        /** DevTools network emulation: the browser offline, or online again. */
        void network(boolean online) {
            driver.executeCdpCommand("Network.enable", Map.of());
            driver.executeCdpCommand("Network.emulateNetworkConditions", Map.of("offline", !online, "latency", 0,
                    "downloadThroughput", -1, "uploadThroughput", -1));
        }

        ZoneId zone() {
            return ZoneId.of((String) ((JavascriptExecutor) driver)
                    .executeScript("return Intl.DateTimeFormat().resolvedOptions().timeZone"));
        }

        void screenshot(String what) throws IOException {
            Files.createDirectories(SCREENS);
            Files.write(SCREENS.resolve(what + ".png"), driver.getScreenshotAs(OutputType.BYTES));
        }
    }
}
