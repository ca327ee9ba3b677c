package io.github.sqliteconsole.spring.secured;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.github.sqliteconsole.spring.AppDatabase;
import io.github.sqliteconsole.spring.BootHttp;
import java.io.File;
import java.net.URLEncoder;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.By;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * Spring Security form login and CSRF on: the two lines of properties map the app's roles, and the
 * console's POSTs pass both CSRF checks without any exemption. Run on Boot 3.5 and Spring Security
 * 6.5 by {@link SecuredBootAppTest}, and on Boot 4 and Spring Security 7 by the Boot 4 test module
 * (the same app and assertions, a different Boot at run time).
 */
@SpringBootTest(classes = SecuredApp.class, webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
        "sqlite.console.operator-authority=ROLE_ADMIN",
        "sqlite.console.viewer-authority=ROLE_USER",
        "sqlite.console.public-health=true"})
public abstract class SecuredAppContract {

    private static final Path DATABASE = AppDatabase.create();
    private static final Path CHROMIUM = Path.of("/usr/bin/chromium");
    private static final Path CHROMEDRIVER = Path.of("/usr/bin/chromedriver");
    private static final Pattern SPRING_CSRF_FIELD = Pattern.compile("name=\"_csrf\" type=\"hidden\" value=\"([^\"]+)\"");
    private static final Pattern META = Pattern.compile("<meta name=\"(host-csrf-[a-z]+)\" content=\"([^\"]*)\"");

    @DynamicPropertySource
    static void database(DynamicPropertyRegistry registry) {
        registry.add("spring.datasource.url", () -> "jdbc:sqlite:" + DATABASE);
    }

    /** {@code local.server.port}, not Boot's {@code @LocalServerPort}, whose package differs in Boot 4. */
    @Value("${local.server.port}")
    int port;

    @TempDir
    Path profile;

    @Test
    void anonymousUsersGetTheLoginPageButMayReadHealth() throws Exception {
        BootHttp anonymous = new BootHttp(port);
        HttpResponse<String> overview = anonymous.get("/admin/");
        assertThat(overview.statusCode()).isEqualTo(302);
        assertThat(overview.headers().firstValue("Location")).hasValueSatisfying(to -> assertThat(to).endsWith("/login"));
        assertThat(anonymous.get("/admin/api/tables").statusCode()).isEqualTo(302);

        HttpResponse<String> health = anonymous.get("/admin/api/health");
        assertThat(health.statusCode()).isEqualTo(200);
        assertThat(health.body()).startsWith("{\"status\":\"DEGRADED\"");
        assertThat(health.body()).as("anonymous callers get the summary: no paths or details")
                .contains("\"checks\"").doesNotContain("\"database\"").doesNotContain("\"detail\"");
        assertThat(anonymous.post("/admin/api/health/recheck").statusCode()).as("only GET is public").isEqualTo(302);
    }

    @Test
    void aViewerReadsButGets403OnAMutationWithBothTokens() throws Exception {
        BootHttp viewer = loggedIn("victor", "viewer-secret");
        HttpResponse<String> page = viewer.get("/admin/maintenance");
        assertThat(page.statusCode()).isEqualTo(200);
        String[] both = bothTokens(page.body());

        HttpResponse<String> vacuum = viewer.post("/admin/api/jobs/vacuum", both);
        assertThat(vacuum.statusCode()).isEqualTo(403);
        assertThat(vacuum.body()).as("refused by the console, past Spring's CSRF check").contains("OPERATOR");
        assertThat(viewer.post("/admin/api/jobs/quick-check", both).statusCode()).as("a check is a viewer's").isEqualTo(202);
    }

    @Test
    void springsCsrfProtectionStaysOnForTheConsole() throws Exception {
        BootHttp operator = loggedIn("olivia", "operator-secret");
        String[] both = bothTokens(operator.get("/admin/").body());
        HttpResponse<String> consoleTokenOnly = operator.post("/admin/api/jobs/quick-check", both[0], both[1]);
        assertThat(consoleTokenOnly.statusCode()).as("Spring refuses a POST without its token").isEqualTo(403);
        assertThat(consoleTokenOnly.body()).doesNotContain("SQLite Console");
        assertThat(operator.post("/admin/api/jobs/quick-check", both[2], both[3]).statusCode())
                .as("the console refuses a POST without its token").isEqualTo(403);
        assertThat(operator.post("/admin/api/jobs/quick-check", both).statusCode()).isEqualTo(202);
    }

    @Test
    void aUserWithNeitherAuthorityIsDenied() throws Exception {
        assertThat(loggedIn("nobody", "nobody-secret").get("/admin/").statusCode()).isEqualTo(403);
    }

    @Test
    void aLoggedInOperatorRunsAJobFromThePageInChromium() {
        assumeTrue(Files.isExecutable(CHROMIUM) && Files.isExecutable(CHROMEDRIVER),
                "browser test skipped: no Chromium here; install packages chromium and chromium-driver");
        ChromeDriver browser = startChromium(profile);
        try {
            WebDriverWait wait = new WebDriverWait(browser, Duration.ofSeconds(30));
            browser.get("http://127.0.0.1:" + port + "/admin/maintenance");
            wait.until(ExpectedConditions.urlContains("/login"));
            browser.findElement(By.id("username")).sendKeys("olivia");
            browser.findElement(By.id("password")).sendKeys("operator-secret");
            browser.findElement(By.cssSelector("button[type=submit]")).click();
            wait.until(ExpectedConditions.presenceOfElementLocated(By.cssSelector("#job-analyze button.run"))).click();
            wait.until(ExpectedConditions.textToBe(By.cssSelector("#job-analyze .badge"), "SUCCEEDED"));
            assertThat(browser.findElement(By.cssSelector("#job-analyze .maintenance-result")).getText()).contains("Took");
        } finally {
            browser.quit();
        }
    }

    /** The console token and Spring's token of {@code page}, as header name/value pairs. */
    private static String[] bothTokens(String page) {
        Matcher meta = META.matcher(page);
        String header = null;
        String token = null;
        while (meta.find()) {
            if (meta.group(1).equals("host-csrf-header")) {
                header = meta.group(2);
            } else if (meta.group(1).equals("host-csrf-token")) {
                token = meta.group(2);
            }
        }
        assertThat(header).as("the page carries Spring's CSRF header name").isEqualTo("X-CSRF-TOKEN");
        assertThat(token).as("and Spring's token").isNotBlank();
        return new String[] {"X-Console-CSRF-Token", BootHttp.consoleToken(page), header, token};
    }

    /** Logs in through the app's own login form, with Spring's CSRF token, as a browser would. */
    private BootHttp loggedIn(String user, String password) throws Exception {
        BootHttp http = new BootHttp(port);
        Matcher field = SPRING_CSRF_FIELD.matcher(http.get("/login").body());
        assertThat(field.find()).as("Spring's login form carries its CSRF token").isTrue();
        String form = "username=" + user + "&password=" + URLEncoder.encode(password, StandardCharsets.UTF_8)
                + "&_csrf=" + URLEncoder.encode(field.group(1), StandardCharsets.UTF_8);
        HttpResponse<String> login = http.send(HttpRequest.newBuilder(http.uri("/login"))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(form)).build());
        assertThat(login.statusCode()).isEqualTo(302);
        assertThat(login.headers().firstValue("Location")).hasValueSatisfying(to -> assertThat(to).doesNotContain("error"));
        return http;
    }

    private static ChromeDriver startChromium(Path profile) {
        ChromeOptions options = new ChromeOptions();
        options.setBinary(CHROMIUM.toFile());
        options.addArguments("--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking",
                "--disable-component-update", "--no-first-run", "--disable-dev-shm-usage",
                "--user-data-dir=" + profile.toAbsolutePath());
        ChromeDriverService service = new ChromeDriverService.Builder()
                .usingDriverExecutable(new File(CHROMEDRIVER.toString())).build();
        return new ChromeDriver(service, options);
    }
}
