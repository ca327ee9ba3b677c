package io.github.sqliteconsole.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import io.github.sqliteconsole.core.SqliteConsole;
import io.github.sqliteconsole.core.TestDatabases;
import io.github.sqliteconsole.web.audit.AuditEntry;
import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.logging.Level;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import static org.awaitility.Awaitility.await;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.Keys;
import org.openqa.selenium.StaleElementReferenceException;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.logging.LogEntry;
import org.openqa.selenium.logging.LogType;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

/** The console in a real headless Chromium: htmx loads under the CSP, polls, posts with the token, pages rows. */
class BrowserTest {

    private static final Path CHROMIUM = Path.of("/usr/bin/chromium");
    private static final Path CHROMEDRIVER = Path.of("/usr/bin/chromedriver");

    @TempDir
    Path dir;

    private SqliteConsole console;
    private SqliteConsoleServlet servlet;
    private ConsoleServer server;
    private ChromeDriver browser;

    @BeforeEach
    void start() throws Exception {
        assumeTrue(Files.isExecutable(CHROMIUM) && Files.isExecutable(CHROMEDRIVER),
                "browser test skipped: no Chromium here; install packages chromium and chromium-driver");
        Path file = dir.resolve("app.db");
        TestDatabases.seedInventory(TestDatabases.wellConfigured(file));
        TestDatabases.execute(TestDatabases.wellConfigured(file), "PRAGMA foreign_keys = OFF",
                "INSERT INTO purchase_order(id, supplier_id, note) VALUES (7001, 999, 'orphan')");
        console = SqliteConsole.builder(TestDatabases.wellConfigured(file)).build();
        servlet = new SqliteConsoleServlet(console, WebOptions.defaults().withRefreshInterval(Duration.ofSeconds(1)));
        server = ConsoleServer.start(servlet, "/app", "/admin/*");
        browser = startChromium(dir.resolve("profile"));
    }

    private static ChromeDriver startChromium(Path profile) {
        ChromeOptions options = new ChromeOptions();
        options.setBinary(CHROMIUM.toFile());
        options.addArguments("--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking",
                "--disable-component-update", "--no-first-run", "--disable-dev-shm-usage",
                "--user-data-dir=" + profile.toAbsolutePath());
        options.setCapability("goog:loggingPrefs", Map.of(LogType.BROWSER, "ALL"));
        options.setExperimentalOption("prefs", Map.of("download.default_directory",
                profile.resolveSibling("downloads").toAbsolutePath().toString(), "download.prompt_for_download", false));
        ChromeDriverService service = new ChromeDriverService.Builder()
                .usingDriverExecutable(new File(CHROMEDRIVER.toString())).build();
        return new ChromeDriver(service, options);
    }

    @AfterEach
    void stop() throws Exception {
        if (browser != null) {
            browser.quit();
        }
        if (server != null) {
            server.close();
        }
        if (console != null) {
            console.close();
        }
    }

    @Test
    void overviewLoadsHtmxPollsAndRechecksWithoutCspViolations() {
        browser.get(server.uri("/").toString());
        WebDriverWait wait = new WebDriverWait(browser, Duration.ofSeconds(15));

        assertThat(browser.findElement(By.id("status-badge")).getText()).isEqualTo("UP");
        Object htmxVersion = wait.until(driver -> ((JavascriptExecutor) driver)
                .executeScript("return window.htmx ? htmx.version : null"));
        assertThat(htmxVersion).asString().startsWith("2.");

        WebElement firstRender = browser.findElement(By.id("health"));
        wait.until(ExpectedConditions.stalenessOf(firstRender));
        assertThat(browser.findElement(By.id("status-badge")).getText()).as("swapped in by the poll").isEqualTo("UP");

        browser.findElement(By.id("auto-refresh")).click();
        browser.findElement(By.cssSelector("form.actions button")).click();
        wait.until(driver -> !servlet.auditLog().recent().isEmpty());
        assertThat(servlet.auditLog().recent().get(0).outcome()).isEqualTo(AuditEntry.Outcome.ALLOWED);
        assertThat(browser.getCurrentUrl()).as("htmx swapped the fragment; the page did not navigate")
                .isEqualTo(server.uri("/").toString());

        assertThat(severeLogs()).as("console errors and CSP violations").isEmpty();
    }

    @Test
    void tablesSortAndATablesSecondPageOfRowsLoadsInPlace() {
        WebDriverWait wait = new WebDriverWait(browser, Duration.ofSeconds(15));
        browser.get(server.uri("/tables").toString());
        assertThat(browser.findElements(By.cssSelector("svg.size-chart rect.bar-table"))).isNotEmpty();

        browser.findElement(By.id("sort-name")).click();
        wait.until(ExpectedConditions.urlContains("sort=name"));
        List<String> names = browser.findElements(By.cssSelector("a.table-link")).stream().map(WebElement::getText).toList();
        assertThat(names).isSortedAccordingTo(String::compareTo);

        browser.findElement(By.linkText("purchase_order")).click();
        wait.until(ExpectedConditions.textToBe(By.id("table-name"), "purchase_order"));
        WebElement firstRows = browser.findElement(By.id("rows"));
        assertThat(firstRows.findElement(By.cssSelector("tbody tr td")).getText()).isEqualTo("1");

        browser.findElement(By.id("next-page")).click();
        wait.until(ExpectedConditions.stalenessOf(firstRows));
        assertThat(browser.findElement(By.cssSelector("#rows tbody tr td")).getText()).isEqualTo("51");
        assertThat(browser.getCurrentUrl()).as("htmx pushed the page's URL").contains("offset=50");
        assertThat(browser.findElement(By.id("table-name")).getText()).as("only the rows were swapped").isEqualTo("purchase_order");
        assertThat(severeLogs()).isEmpty();
    }

    /** Issue 13: sort by a column, filter column = value, follow a foreign-key value to its parent row. */
    @Test
    void rowsSortFilterAndAForeignKeyValueOpensItsParentRow() {
        WebDriverWait wait = new WebDriverWait(browser, Duration.ofSeconds(15));
        browser.get(server.uri("/tables/purchase_order").toString());
        assertThat(browser.findElement(By.id("row-range")).getText()).startsWith("Rows 1–50 of 5,001");

        WebElement rows = browser.findElement(By.id("rows"));
        browser.findElement(By.linkText("supplier_id")).click();
        wait.until(ExpectedConditions.stalenessOf(rows));
        rows = browser.findElement(By.id("rows"));
        browser.findElement(By.linkText("supplier_id")).click();
        wait.until(ExpectedConditions.stalenessOf(rows));
        assertThat(browser.getCurrentUrl()).contains("sort=supplier_id").contains("dir=desc");
        assertThat(browser.findElement(By.cssSelector("#rows th[aria-sort='descending']")).getText()).isEqualTo("supplier_id");
        assertThat(browser.findElement(By.cssSelector("#rows tbody tr td:nth-child(2)")).getText())
                .as("the orphan's 999 is the largest supplier_id").isEqualTo("999");

        new org.openqa.selenium.support.ui.Select(browser.findElement(By.id("filter-column"))).selectByVisibleText("supplier_id");
        browser.findElement(By.id("filter-value")).sendKeys("3");
        browser.findElement(By.id("filter-apply")).click();
        wait.until(ExpectedConditions.urlContains("col=supplier_id"));
        assertThat(browser.findElement(By.id("row-range")).getText()).startsWith("Rows 1–50 of 100");
        assertThat(browser.findElements(By.cssSelector("#rows tbody tr td:nth-child(2)"))).hasSize(50)
                .allSatisfy(cell -> assertThat(cell.getText()).isEqualTo("3"));

        browser.findElement(By.cssSelector("#rows tbody tr a.fk-link")).click();
        wait.until(ExpectedConditions.textToBe(By.id("table-name"), "supplier"));
        assertThat(browser.findElements(By.cssSelector("#rows tbody tr"))).hasSize(1);
        assertThat(browser.findElement(By.cssSelector("#rows tbody tr td:nth-child(2)")).getText()).isEqualTo("supplier 3");
        assertThat(severeLogs()).isEmpty();
    }

    /** Issue 13: at a phone's 390 px nothing scrolls sideways; wide tables scroll inside their card. */
    @Test
    void atPhoneWidthNoPageScrollsSideways() {
        browser.manage().window().setSize(new org.openqa.selenium.Dimension(390, 844));
        for (String page : List.of("/", "/tables", "/tables/purchase_order", "/tables/big_orders", "/integrity",
                "/maintenance", "/backup")) {
            browser.get(server.uri(page).toString());
            Object sizes = ((JavascriptExecutor) browser).executeScript(
                    "return [document.documentElement.clientWidth, document.documentElement.scrollWidth]");
            List<?> widths = (List<?>) sizes;
            assertThat(((Number) widths.get(1)).longValue()).as(page + ": page width " + widths.get(1) + " in a "
                    + widths.get(0) + " px viewport").isLessThanOrEqualTo(((Number) widths.get(0)).longValue());
        }
        assertThat(severeLogs()).isEmpty();
    }

    /**
     * Issue 13: a finding's copy button puts its statement on the clipboard, also in a result htmx
     * swapped in after the page loaded; at a phone's width the explained result does not widen the page.
     */
    @Test
    void aCopyButtonInASwappedInFindingPutsItsStatementOnTheClipboard() {
        String origin = server.uri("/").getScheme() + "://" + server.uri("/").getAuthority();
        browser.executeCdpCommand("Browser.grantPermissions",
                Map.of("origin", origin, "permissions", List.of("clipboardReadWrite", "clipboardSanitizedWrite")));
        for (org.openqa.selenium.Dimension size : List.of(new org.openqa.selenium.Dimension(1280, 900),
                new org.openqa.selenium.Dimension(390, 844))) {
            browser.manage().window().setSize(size);
            browser.get(server.uri("/integrity").toString());
            WebDriverWait wait = new WebDriverWait(browser, Duration.ofSeconds(30));
            // The second round's page shows the first round's result until Run swaps the card.
            WebElement before = browser.findElement(By.id("job-foreign-key-check"));
            browser.findElement(By.cssSelector("#job-foreign-key-check button.run")).click();
            wait.until(ExpectedConditions.stalenessOf(before));
            WebElement copy = wait.until(ExpectedConditions.elementToBeClickable(
                    By.cssSelector("#job-foreign-key-check .finding-violations button[data-copy]")));
            assertThat(browser.findElement(By.cssSelector("#job-foreign-key-check .finding-violations .doc-link")).getAttribute("href"))
                    .isEqualTo(WebOptions.DEFAULT_DOCS_URL + "integrity.md#foreign-key-violations");
            writeClipboard("nothing copied yet");

            copy.click();
            wait.until(ExpectedConditions.textToBePresentInElement(copy, "Copied"));
            assertThat(readClipboard()).as(size + ": the statement beside the button")
                    .isEqualTo("PRAGMA foreign_key_check(\"purchase_order\");");
            wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("announcer"), "Copied"));
            assertThat(pageWidths().get(1)).as(size + ": no sideways scrolling").isLessThanOrEqualTo(pageWidths().get(0));
        }
        assertThat(severeLogs()).isEmpty();
    }

    private void writeClipboard(String text) {
        ((JavascriptExecutor) browser).executeAsyncScript("const done = arguments[arguments.length - 1];"
                + "navigator.clipboard.writeText(arguments[0]).then(() => done(true), e => done(String(e)));", text);
        assertThat(readClipboard()).isEqualTo(text);
    }

    private String readClipboard() {
        return String.valueOf(((JavascriptExecutor) browser).executeAsyncScript("const done = arguments[arguments.length - 1];"
                + "navigator.clipboard.readText().then(done, e => done('clipboard not readable: ' + e));"));
    }

    /** [viewport width, page width] */
    private List<Long> pageWidths() {
        List<?> widths = (List<?>) ((JavascriptExecutor) browser).executeScript(
                "return [document.documentElement.clientWidth, document.documentElement.scrollWidth]");
        return widths.stream().map(width -> ((Number) width).longValue()).toList();
    }

    /**
     * Issue 13: a job started from the keyboard keeps the focus on its card's button while the job runs
     * through several polls (only the state area is swapped), and its outcome is announced in the live
     * region when it ends. The job waits at a gate, so it surely lives through the polls.
     */
    @Test
    void focusStaysOnTheJobsButtonAcrossPollsAndTheOutcomeIsAnnounced() throws Exception {
        Path file = dir.resolve("gated.db");
        TestDatabases.seedInventory(TestDatabases.wellConfigured(file));
        try (GatedJobs jobs = new GatedJobs();
             SqliteConsole gated = SqliteConsole.builder(TestDatabases.wellConfigured(file)).executor(jobs).build();
             ConsoleServer gatedServer = ConsoleServer.start(new SqliteConsoleServlet(gated, WebOptions.defaults()), "/", "/admin/*")) {
            browser.get(gatedServer.uri("/integrity").toString());
            WebElement run = browser.findElement(By.id("job-action-quick-check"));
            assertThat(run.getText()).isEqualTo("Run");
            run.sendKeys(Keys.ENTER);

            await("the card shows the running job").atMost(Duration.ofSeconds(15))
                    .until(() -> browser.findElements(By.id("job-state-quick-check")).size() == 1);
            for (int poll = 1; poll <= 3; poll++) {
                WebElement state = browser.findElement(By.id("job-state-quick-check"));
                await("state poll " + poll).atMost(Duration.ofSeconds(15)).ignoreExceptions().until(() -> isStale(state));
                assertThat(activeElement()).as("after poll " + poll).isEqualTo("job-action-quick-check Cancel");
            }
            assertThat(browser.findElement(By.id("announcer")).getText()).isEmpty();

            jobs.open();
            await("the job ends and its card says so").atMost(Duration.ofSeconds(30)).ignoreExceptions()
                    .until(() -> browser.findElement(By.cssSelector("#job-quick-check .badge")).getText().equals("SUCCEEDED"));
            assertThat(activeElement()).as("the same button, now to run it again").isEqualTo("job-action-quick-check Run again");
            await("the outcome is announced").atMost(Duration.ofSeconds(5)).until(() ->
                    browser.findElement(By.id("announcer")).getAttribute("textContent").equals("Quick check finished: succeeded"));
            assertThat(browser.findElement(By.id("announcer")).getAttribute("aria-live")).isEqualTo("polite");
            assertThat(severeLogs()).isEmpty();
        }
    }

    private String activeElement() {
        return String.valueOf(((JavascriptExecutor) browser).executeScript(
                "return document.activeElement.id + ' ' + document.activeElement.textContent.trim()"));
    }

    private static boolean isStale(WebElement element) {
        try {
            element.isEnabled();
            return false;
        } catch (StaleElementReferenceException e) {
            return true;
        }
    }

    @Test
    void foreignKeyCheckRunsFromThePageAndItsSampleRowOpens() throws Exception {
        WebDriverWait wait = new WebDriverWait(browser, Duration.ofSeconds(30));
        // Long names and a key without an index: the statement to create it is the widest cell.
        TestDatabases.execute(TestDatabases.wellConfigured(dir.resolve("app.db")), "PRAGMA foreign_keys = OFF",
                "CREATE TABLE purchase_order_line_item_delivery_confirmation (id INTEGER PRIMARY KEY,"
                        + " purchase_order_reference_identifier INTEGER REFERENCES purchase_order(id),"
                        + " supplier_reference_identifier_for_delivery INTEGER REFERENCES supplier(id))",
                "INSERT INTO purchase_order_line_item_delivery_confirmation " + TestDatabases.series(40)
                        + " SELECT 1000000000 + n, 1, 900000000 + n FROM n");
        browser.manage().window().setSize(new org.openqa.selenium.Dimension(1280, 900));
        browser.get(server.uri("/integrity").toString());
        browser.findElement(By.cssSelector("#job-foreign-key-check button.run")).click();

        WebElement sample = wait.until(ExpectedConditions.elementToBeClickable(
                By.cssSelector("#job-foreign-key-check a.sample-row")));
        assertThat(browser.findElement(By.cssSelector("#job-foreign-key-check .badge")).getText())
                .as("a check that found a violation does not look like a plain success").isEqualTo("PROBLEMS FOUND");
        assertThat(browser.findElement(By.cssSelector("#job-foreign-key-check table")).getText())
                .contains("purchase_order").contains("supplier");
        assertThat(sample.getText()).isEqualTo("7001");
        List<?> table = (List<?>) ((JavascriptExecutor) browser).executeScript("const t = document.querySelector("
                + "'#job-foreign-key-check table.fk-results'); return [t.scrollWidth, t.parentElement.clientWidth];");
        assertThat(((Number) table.get(0)).longValue()).as("at 1280 px the results table (%s px) fits its card (%s px)",
                table.get(0), table.get(1)).isLessThanOrEqualTo(((Number) table.get(1)).longValue());

        sample.click();
        wait.until(ExpectedConditions.textToBe(By.id("table-name"), "purchase_order"));
        assertThat(browser.findElement(By.cssSelector("#rows tbody tr td")).getText()).isEqualTo("7001");
        assertThat(browser.findElements(By.cssSelector("#rows tbody tr"))).hasSize(1);
        assertThat(severeLogs()).isEmpty();
    }

    @Test
    void analyzeRunsFromTheMaintenancePageAndAPreparedBackupMatchesItsDigest() {
        WebDriverWait wait = new WebDriverWait(browser, Duration.ofSeconds(30));
        browser.get(server.uri("/maintenance").toString());
        browser.findElement(By.cssSelector("#job-analyze button.run")).click();
        // Issue 13: ANALYZE is cheap; it starts without a confirmation.
        wait.until(ExpectedConditions.textToBe(By.cssSelector("#job-analyze .badge"), "SUCCEEDED"));
        assertThat(browser.findElement(By.cssSelector("#job-analyze .maintenance-result")).getText()).contains("Took");

        browser.get(server.uri("/backup").toString());
        browser.findElement(By.cssSelector("#job-backup button.run")).click();
        wait.until(ExpectedConditions.textToBe(By.cssSelector("#job-backup .badge"), "SUCCEEDED"));
        String shownHex = browser.findElement(By.id("prepared-sha256")).getText();
        assertThat(shownHex).as("as sha256sum prints it").matches("[0-9a-f]{64}");
        String shown = Base64.getEncoder().encodeToString(HexFormat.of().parseHex(shownHex));
        List<?> prepared = fetchAndHash(browser.findElement(By.id("download-prepared")).getAttribute("href"));
        assertThat(prepared.get(0)).isEqualTo(200L);
        assertThat(prepared.get(1)).as("the digest the browser computed equals the header").isEqualTo(prepared.get(2))
                .isEqualTo("sha-256=:" + shown + ":");
        assertThat((Long) prepared.get(3)).isGreaterThan(100_000L);
        assertThat(severeLogs()).isEmpty();
        assertThat(fetchAndHash(browser.findElement(By.id("download-prepared")).getAttribute("href")).get(0))
                .as("one download per prepared backup").isEqualTo(410L);
        assertThat(severeLogs()).as("only the refused second download").singleElement().asString().contains("410");

        List<?> direct = fetchAndHash(browser.findElement(By.id("download")).getAttribute("href"));
        assertThat(direct.get(0)).isEqualTo(200L);
        assertThat(direct.get(1)).isEqualTo(direct.get(2));

        browser.get(server.uri("/backup").toString());
        WebElement previous = browser.findElement(By.id("job-backup"));
        browser.findElement(By.cssSelector("#job-backup button.run")).click();
        wait.until(ExpectedConditions.stalenessOf(previous));
        wait.until(ExpectedConditions.textToBe(By.cssSelector("#job-backup .badge"), "SUCCEEDED"));
        browser.findElement(By.id("download-prepared")).click();
        wait.until(ExpectedConditions.presenceOfElementLocated(By.cssSelector("#job-backup .downloaded")));
        assertThat(browser.findElements(By.id("download-prepared"))).as("handed out once, so no longer offered").isEmpty();
        wait.until(driver -> Files.isDirectory(dir.resolve("downloads")) && fileCount(dir.resolve("downloads"), ".db") == 1);
        assertThat(severeLogs()).isEmpty();
    }

    @Test
    void backUpNowDrillAndRestoreFromThePageBringDeletedRowsBackToTheHostPool() throws Exception {
        Path file = dir.resolve("shop.db");
        TestDatabases.seedInventory(TestDatabases.wellConfigured(file));
        HikariConfig config = new HikariConfig();
        config.setDataSource(TestDatabases.wellConfigured(file));
        config.setMaximumPoolSize(4);
        try (HikariDataSource pool = new HikariDataSource(config);
             SqliteConsole shop = SqliteConsole.builder(pool).backupStore(dir.resolve("backups")).allowRestore(true).build();
             ConsoleServer shopServer = ConsoleServer.start(new SqliteConsoleServlet(shop, WebOptions.defaults()))) {
            // The schedule takes the first backup soon after start; Back up now then has the heavy-job slot to itself.
            await("the first scheduled backup").atMost(Duration.ofSeconds(60)).until(() -> shop.jobs().latest("stored-backup")
                    .map(job -> job.state().finished()).orElse(false));
            WebDriverWait wait = new WebDriverWait(browser, Duration.ofSeconds(60));
            // The list is swapped while a condition may be reading it.
            wait.ignoring(StaleElementReferenceException.class);
            browser.get(shopServer.uri("/backup").toString());
            String scheduled = browser.findElement(By.cssSelector("tr.backup-row")).getAttribute("id");

            // Drilled first: the schedule's own first drill (due at its next tick) then has nothing left to do, and
            // if it runs at this moment the card shows that drill to its end.
            browser.findElement(By.cssSelector("[id='" + scheduled + "'] button.drill-button")).click();
            wait.until(ExpectedConditions.textToBe(By.cssSelector("#job-restore-drill .badge"), "SUCCEEDED"));
            wait.until(ExpectedConditions.textToBe(By.cssSelector("[id='" + scheduled + "'] .drill"), "proven"));

            browser.findElement(By.cssSelector("#job-stored-backup button.run")).click();
            // Reloaded when the job ends; the hourly tier keeps the newest backup of this hour, so the new row replaces the first.
            wait.until(driver -> !driver.findElement(By.cssSelector("tr.backup-row")).getAttribute("id").equals(scheduled));
            assertThat(browser.findElement(By.cssSelector("#job-stored-backup .badge")).getText()).isEqualTo("SUCCEEDED");
            WebElement newest = browser.findElement(By.cssSelector("tr.backup-row"));
            String id = newest.getAttribute("id").substring("backup-".length());
            assertThat(newest.getText()).contains("manual").contains("not drilled");
            assertThat(newest.findElement(By.cssSelector("code.digest")).getText()).matches("[0-9a-f]{12}…");
            assertThat(newest.findElement(By.cssSelector("code.digest")).getAttribute("title")).matches("[0-9a-f]{64}");

            try (Connection connection = pool.getConnection()) {
                connection.createStatement().execute("DELETE FROM purchase_order");
            }
            assertThat(rows(pool)).isZero();
            int listed = browser.findElements(By.cssSelector("tr.backup-row")).size();
            browser.findElement(By.cssSelector("[id='backup-" + id + "'] a.restore-link")).click();
            WebElement confirm = wait.until(ExpectedConditions.elementToBeClickable(By.id("confirm-restore")));
            assertThat(browser.findElement(By.id("confirm-backup")).getText()).isEqualTo(id);
            assertThat(browser.findElement(By.id("confirm-wait")).getText()).matches("writers wait about \\d+ s");
            confirm.click();
            wait.until(ExpectedConditions.textToBe(By.cssSelector("#job-restore .badge"), "SUCCEEDED"));
            assertThat(browser.findElement(By.cssSelector("#job-restore .restore-result")).getText()).contains(id);

            assertThat(rows(pool)).as("the host's pool reads the restored rows").isEqualTo(5000);
            wait.until(driver -> driver.findElement(By.cssSelector("tr.backup-row")).getText().contains("before-restore"));
            assertThat(browser.findElements(By.cssSelector("tr.backup-row"))).as("kept apart from retention").hasSize(listed + 1);
            assertThat(severeLogs()).isEmpty();
        }
    }

    /**
     * From the keyboard, Restore… moves the focus to the confirmation's heading (not its button, so a
     * second Enter does not restore), and Cancel puts it back on the Restore… link that opened it.
     */
    @Test
    void theRestoreConfirmationTakesTheFocusAndCancelReturnsIt() throws Exception {
        try (Shop shop = shopWithABackup()) {
            ConsoleServer shopServer = shop.server();
            browser.get(shopServer.uri("/backup").toString());
            String row = browser.findElement(By.cssSelector("tr.backup-row")).getAttribute("id");
            browser.findElement(By.cssSelector("[id='" + row + "'] a.restore-link")).sendKeys(Keys.ENTER);

            await("the confirmation has the focus").atMost(Duration.ofSeconds(15)).ignoreExceptions()
                    .until(() -> activeElement().equals("restore-heading Restore"));
            assertThat(browser.findElements(By.id("confirm-restore"))).hasSize(1);

            browser.findElement(By.cssSelector("#job-restore a.cancel-restore")).sendKeys(Keys.ENTER);
            await("back on the link that opened it").atMost(Duration.ofSeconds(15)).ignoreExceptions()
                    .until(() -> browser.findElements(By.id("confirm-restore")).isEmpty()
                            && "restore-link".equals(((JavascriptExecutor) browser).executeScript(
                            "return document.activeElement.className")));
            assertThat(((JavascriptExecutor) browser).executeScript("return document.activeElement.closest('tr').id"))
                    .isEqualTo(row);
            assertThat(severeLogs()).isEmpty();
        }
    }

    /** At a phone's 390 px a stored backup's actions are on screen, its SHA-256 shortened, the full one copyable. */
    @Test
    void atPhoneWidthAStoredBackupsActionsAreInReach() throws Exception {
        try (Shop shop = shopWithABackup()) {
            ConsoleServer shopServer = shop.server();
            browser.manage().window().setSize(new org.openqa.selenium.Dimension(390, 844));
            browser.get(shopServer.uri("/backup").toString());
            List<?> place = (List<?>) ((JavascriptExecutor) browser).executeScript(
                    "const r = document.querySelector('tr.backup-row');"
                            + "const d = r.querySelector('a.download-stored').getBoundingClientRect();"
                            + "const x = r.querySelector('a.restore-link').getBoundingClientRect();"
                            + "return [d.right, x.right, document.documentElement.clientWidth,"
                            + " r.querySelector('code.digest').getBoundingClientRect().height];");
            long viewport = ((Number) place.get(2)).longValue();
            assertThat(((Number) place.get(0)).doubleValue()).as("Download's right edge").isLessThanOrEqualTo(viewport);
            assertThat(((Number) place.get(1)).doubleValue()).as("Restore…'s right edge").isLessThanOrEqualTo(viewport);
            assertThat(((Number) place.get(3)).doubleValue()).as("the shortened SHA-256 is one line").isLessThan(30);
            WebElement digest = browser.findElement(By.cssSelector("tr.backup-row code.digest"));
            assertThat(digest.getAttribute("data-copy-text")).isEqualTo(digest.getAttribute("title")).matches("[0-9a-f]{64}");
            assertThat(severeLogs()).isEmpty();
        }
    }

    /** A console with stored backups and restore allowed, once its first scheduled backup is taken. */
    private Shop shopWithABackup() throws Exception {
        Path file = dir.resolve("shop.db");
        TestDatabases.seedInventory(TestDatabases.wellConfigured(file));
        SqliteConsole console = SqliteConsole.builder(TestDatabases.wellConfigured(file))
                .backupStore(dir.resolve("backups")).allowRestore(true).build();
        Shop shop = new Shop(console, ConsoleServer.start(new SqliteConsoleServlet(console, WebOptions.defaults())));
        await("the first scheduled backup").atMost(Duration.ofSeconds(60)).until(() -> console.jobs().latest("stored-backup")
                .map(job -> job.state().finished()).orElse(false));
        return shop;
    }

    private record Shop(SqliteConsole console, ConsoleServer server) implements AutoCloseable {
        @Override
        public void close() throws Exception {
            server.close();
            console.close();
        }
    }

    /** Finished downloads in {@code directory} whose name ends with {@code suffix} (Chromium's partial files do not). */
    private static long fileCount(Path directory, String suffix) {
        try (var files = Files.list(directory)) {
            return files.filter(file -> file.getFileName().toString().endsWith(suffix)).count();
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    private static long rows(HikariDataSource pool) throws SQLException {
        try (Connection connection = pool.getConnection();
             ResultSet rows = connection.createStatement().executeQuery("SELECT count(*) FROM purchase_order")) {
            return rows.getLong(1);
        }
    }

    /** Fetches {@code url} in the page and returns [status, Repr-Digest header, SHA-256 the browser computed, length]. */
    private List<?> fetchAndHash(String url) {
        return (List<?>) ((JavascriptExecutor) browser).executeAsyncScript(
                "const done = arguments[arguments.length - 1];"
                        + "fetch(arguments[0]).then(async r => {"
                        + "  const body = await r.arrayBuffer();"
                        + "  const hash = await crypto.subtle.digest('SHA-256', body);"
                        + "  const b64 = btoa(String.fromCharCode(...new Uint8Array(hash)));"
                        + "  done([r.status, r.headers.get('Repr-Digest'), 'sha-256=:' + b64 + ':', body.byteLength]);"
                        + "}).catch(e => done(['error', String(e)]));", url);
    }

    private List<LogEntry> severeLogs() {
        return browser.manage().logs().get(LogType.BROWSER).getAll().stream()
                .filter(entry -> entry.getLevel().intValue() >= Level.WARNING.intValue()
                        || entry.getMessage().contains("Content Security Policy"))
                .toList();
    }
}
