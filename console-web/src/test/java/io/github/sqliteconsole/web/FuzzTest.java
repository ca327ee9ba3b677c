package io.github.sqliteconsole.web;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.sqliteconsole.core.SqliteConsole;
import io.github.sqliteconsole.core.TestDatabases;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Random;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.sqlite.SQLiteDataSource;

/**
 * SECURITY.md row 24: a bounded, seeded fuzz of paths, parameters, headers and bodies over raw
 * HTTP against a database whose names and values carry markup. Whatever is sent, the console
 * answers below 500, never shows a stack trace, and never lets a {@code <fuzz} tag from the
 * request or from the data through unescaped. A failure names the seed and the request, so it
 * can be replayed.
 */
class FuzzTest {

    private static final long SEED = 0x5eed_c0de_2026L;
    private static final int REQUESTS = 600;
    private static final Pattern COOKIE = Pattern.compile("Set-Cookie: (sqlite-console-session=[A-Za-z0-9_-]{43})");
    private static final Pattern TOKEN = Pattern.compile("<meta name=\"csrf-token\" content=\"([^\"]*)\"");

    private static final List<String> ROUTES = List.of("/", "/api/health", "/api/health/recheck", "/tables", "/tables/{t}",
            "/table", "/table/count", "/api/tables", "/api/tables/{t}", "/api/table", "/api/jobs", "/integrity", "/jobs/{k}",
            "/maintenance", "/backup", "/backup/download", "/api/jobs/{k}", "/api/jobs/{k}/cancel", "/assets/console.js", "/assets/{t}", "/{t}");
    private static final List<String> PARAMETERS = List.of("name", "limit", "after", "sort", "dir", "compress", "job",
            "mode", "_csrf", "kind", "x");
    private static final List<String> WORDS = List.of("<fuzz-in onerror=alert(1)>", "%3Cfuzz-in%3E", "\"><fuzz-in>", "..",
            "%2e%2e", "..;", ";jsessionid=1", "-1", "0", "99999999999999", "1e9", "abc", "analyze", "vacuum", "backup",
            "quick_check", "gzip", "none", "TRUNCATE", "supplier", "ñ表", "%00", "%ZZ", "%", "%C0%AF", "\u2028",
            "'; DROP TABLE supplier; --", "restore from x", "backup to /tmp/x", "ATTACH 'x' AS y", "", " ",
            "<fuzz-t onmouseover=1>", "x\"y", "select", "a.b");
    private static final List<String> HEADERS = List.of("HX-Request: true", "X-Console-Base: ../../../../../..",
            "X-Console-Base: <fuzz-in>", "Origin: null", "Origin: http://evil.example", "Sec-Fetch-Site: cross-site",
            "Sec-Fetch-Site: same-origin", "Sec-Fetch-Site: <fuzz-in>", "Content-Type: application/x-www-form-urlencoded",
            "Content-Type: application/x-www-form-urlencoded; charset=zz", "Content-Type: multipart/form-data; boundary=x",
            "Content-Type: text/<fuzz-in>", "Accept: application/json", "Accept-Charset: zz", "Cookie: sqlite-console-session=<fuzz-in>",
            "X-Forwarded-For: 127.0.0.1", "Range: bytes=0-10", "If-None-Match: *", "Accept-Encoding: gzip",
            "X-CSRF-Token: <fuzz-in>", "Transfer-Encoding: chunked");

    @TempDir
    Path dir;

    @Test
    void fuzzedRequestsNeverFailTheServerOrReflectMarkup() throws Exception {
        Path file = dir.resolve("app.db");
        SQLiteDataSource dataSource = TestDatabases.inventory(file);
        TestDatabases.execute(dataSource,
                "CREATE TABLE \"<fuzz-t onmouseover=1>\" (\"<fuzz-c>\" TEXT, \"x\"\"y\" INTEGER)",
                "INSERT INTO \"<fuzz-t onmouseover=1>\" VALUES ('<fuzz-v onload=1>', 1), ('\"><fuzz-v>', 2)",
                "CREATE TABLE \"x\"\"y\" (a)", "CREATE TABLE \"a.b\" (\"select\")", "CREATE TABLE \"ñ表\" (v)");
        Random random = new Random(SEED);
        try (SqliteConsole console = SqliteConsole.builder(dataSource).backupDirectory(dir.resolve("snapshots")).build();
             ConsoleServer server = ConsoleServer.start(console, WebOptions.defaults())) {
            String page = server.sendAs("127.0.0.1", server.rawRequest("GET", "/"));
            Matcher cookie = COOKIE.matcher(page);
            Matcher token = TOKEN.matcher(page);
            assertThat(cookie.find()).isTrue();
            assertThat(token.find()).isTrue();
            for (int i = 0; i < REQUESTS; i++) {
                String raw = request(random, server, "Cookie: " + cookie.group(1), "X-CSRF-Token: " + token.group(1));
                String response = server.sendAs(random.nextInt(20) == 0 ? "203.0.113.9" : "127.0.0.1", raw);
                String replay = "seed " + SEED + ", request " + i + ":\n" + raw;
                assertThat(response).as(replay).startsWith("HTTP/1.1 ");
                assertThat(ConsoleServer.statusOf(response)).as(replay).isLessThan(500);
                assertThat(response).as(replay).doesNotContain("Exception").doesNotContain("\tat ");
                String headers = response.substring(0, Math.max(0, response.indexOf("\r\n\r\n")));
                boolean attachment = headers.toLowerCase(Locale.ROOT).contains("content-disposition: attachment");
                if (!attachment) {
                    assertThat(response.toLowerCase(Locale.ROOT)).as(replay).doesNotContain("<fuzz");
                }
            }
        }
    }

    private static String request(Random random, ConsoleServer server, String cookie, String token) {
        String method = pick(random, List.of("GET", "GET", "GET", "HEAD", "POST", "POST", "PUT", "DELETE", "OPTIONS"));
        String path = pick(random, ROUTES).replace("{t}", encodeSometimes(random, pick(random, WORDS)))
                .replace("{k}", encodeSometimes(random, pick(random, WORDS)));
        StringBuilder query = new StringBuilder();
        for (int n = random.nextInt(4); n > 0; n--) {
            query.append(query.isEmpty() ? "?" : "&").append(pick(random, PARAMETERS)).append('=')
                    .append(encodeSometimes(random, random.nextInt(30) == 0 ? "y".repeat(9000) : pick(random, WORDS)));
        }
        List<String> headers = new java.util.ArrayList<>();
        if (random.nextInt(4) > 0) {
            headers.add(cookie);
        }
        if (random.nextBoolean()) {
            headers.add(token);
        }
        for (int n = random.nextInt(3); n > 0; n--) {
            headers.add(pick(random, HEADERS));
        }
        String raw = server.rawRequest(method, path + query, headers.toArray(String[]::new));
        if (random.nextInt(12) == 0) {
            raw = raw.replaceFirst("Host: [^\r]*", "Host: " + pick(random, List.of("rebind.evil.example", "<fuzz-in>", "localhost")));
        }
        if (method.equals("POST") && !headers.contains("Transfer-Encoding: chunked")) {
            String body = random.nextBoolean() ? "" : pick(random, PARAMETERS) + "=" + encodeSometimes(random, pick(random, WORDS))
                    + (random.nextInt(10) == 0 ? "&f=1".repeat(3000) : "");
            raw = raw.replace("Content-Length: 0\r\n", "Content-Length: " + body.getBytes(StandardCharsets.UTF_8).length
                    + "\r\n") + body;
        }
        return raw;
    }

    /** Words go raw into the request line most of the time, which is what a hostile client does. */
    private static String encodeSometimes(Random random, String word) {
        String spaced = word.replace(" ", "%20");
        return random.nextBoolean() ? spaced : java.net.URLEncoder.encode(word, StandardCharsets.UTF_8);
    }

    private static <T> T pick(Random random, List<T> values) {
        return values.get(random.nextInt(values.size()));
    }
}
