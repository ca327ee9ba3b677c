package io.github.sqliteconsole.web;

import io.github.sqliteconsole.core.SqliteConsole;
import io.github.sqliteconsole.core.sql.SqliteErrors;
import io.github.sqliteconsole.web.audit.AuditEntry;
import io.github.sqliteconsole.web.audit.AuditLog;
import io.github.sqliteconsole.core.job.JobKind;
import io.github.sqliteconsole.web.pages.Assets;
import io.github.sqliteconsole.web.pages.BackupDownload;
import io.github.sqliteconsole.web.pages.BackupPage;
import io.github.sqliteconsole.web.pages.BackupsApi;
import io.github.sqliteconsole.web.pages.RestoreConfirmation;
import io.github.sqliteconsole.web.pages.StoredBackupDownload;
import io.github.sqliteconsole.web.pages.MaintenancePage;
import io.github.sqliteconsole.web.pages.HealthApi;
import io.github.sqliteconsole.web.pages.HealthRecheck;
import io.github.sqliteconsole.web.pages.HealthView;
import io.github.sqliteconsole.web.pages.IntegrityPage;
import io.github.sqliteconsole.web.pages.JobCards;
import io.github.sqliteconsole.web.pages.JobsApi;
import io.github.sqliteconsole.web.pages.OverviewPage;
import io.github.sqliteconsole.web.pages.Responses;
import io.github.sqliteconsole.web.pages.RowCountFragment;
import io.github.sqliteconsole.web.pages.RowExport;
import io.github.sqliteconsole.web.pages.TableApi;
import io.github.sqliteconsole.web.pages.TablePage;
import io.github.sqliteconsole.web.pages.TablesApi;
import io.github.sqliteconsole.web.pages.TablesPage;
import io.github.sqliteconsole.web.routing.BadRequest;
import io.github.sqliteconsole.web.routing.Exchange;
import io.github.sqliteconsole.web.routing.Route;
import io.github.sqliteconsole.web.routing.Router;
import io.github.sqliteconsole.web.security.Authorizers;
import io.github.sqliteconsole.web.security.CsrfTokens;
import io.github.sqliteconsole.web.security.FormLimits;
import io.github.sqliteconsole.web.security.HostCheck;
import io.github.sqliteconsole.web.security.HostCsrfToken;
import io.github.sqliteconsole.web.security.Role;
import io.github.sqliteconsole.web.security.SameOriginCheck;
import io.github.sqliteconsole.web.security.SecurityHeaders;
import io.github.sqliteconsole.web.view.Views;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.lang.System.Logger.Level;
import java.security.Principal;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

/**
 * The whole console as one servlet. Mount it at any path:
 *
 * <pre>{@code
 * ctx.addServlet("sqlite-console", new SqliteConsoleServlet(console)).addMapping("/admin/*");
 * }</pre>
 *
 * <p>or declare it in {@code web.xml} by class name (see {@link ServletConfigConsole} for its
 * init-params). Every request passes the same gates in the same order: security headers, the
 * {@code Host} check, the authorizer, the route table, the role the route needs, the same-site
 * checks, the form's limits, then for POST the CSRF token. Only then does a handler run, and only
 * handlers touch the database.
 */
public class SqliteConsoleServlet extends HttpServlet {

    private static final long serialVersionUID = 1L;
    private static final System.Logger LOGGER = System.getLogger(SqliteConsoleServlet.class.getName());
    /** RFC 9110's answer to a request for a host this server does not serve. */
    private static final int MISDIRECTED_REQUEST = 421;
    private static final String PAGE_BASE_HEADER = "X-Console-Base";
    private static final java.util.regex.Pattern PAGE_BASE = java.util.regex.Pattern.compile("\\./|(\\.\\./){1,4}");

    private transient SqliteConsole console;
    private transient WebOptions options;
    private transient boolean ownsConsole;
    private transient Views views;
    private final transient CsrfTokens csrfTokens = new CsrfTokens();
    private transient AuditLog auditLog;
    private transient Router router;
    private transient HostCheck hostCheck;

    /** For {@code web.xml}: the DataSource is found from init-params in {@link #init()}. */
    public SqliteConsoleServlet() {
    }

    public SqliteConsoleServlet(SqliteConsole console) {
        this(console, WebOptions.defaults());
    }

    public SqliteConsoleServlet(SqliteConsole console, WebOptions options) {
        this.console = java.util.Objects.requireNonNull(console, "console");
        this.options = java.util.Objects.requireNonNull(options, "options");
    }

    @Override
    public void init() throws ServletException {
        if (console == null) {
            ServletConfigConsole configured = ServletConfigConsole.from(getServletConfig());
            console = configured.console();
            options = configured.options();
            ownsConsole = true;
        }
        views = new Views(options.docsUrl());
        auditLog = new AuditLog(console);
        router = new Router(routes());
        hostCheck = new HostCheck(options.allowedHosts(), Authorizers.isLoopbackOnly(options.authorizer()));
    }

    private List<Route> routes() {
        HealthView health = new HealthView(options, views);
        JobCards cards = new JobCards(console, options.readOnly(), views);
        List<Route> routes = new ArrayList<>();
        routes.add(new Route("GET", "/", Role.VIEWER, new OverviewPage(console, health)));
        routes.add(new Route("GET", "/api/health", Role.HEALTH, new HealthApi(console)));
        routes.add(new Route("POST", "/api/health/recheck", Role.OPERATOR, new HealthRecheck(console, health)));
        TablePage tablePage = new TablePage(console, views);
        routes.add(new Route("GET", "/tables", Role.VIEWER, new TablesPage(console, views)));
        routes.add(new Route("GET", "/tables/{name}", Role.VIEWER, tablePage));
        routes.add(new Route("GET", "/table", Role.VIEWER, tablePage));
        routes.add(new Route("GET", "/table/count", Role.VIEWER, new RowCountFragment(console, views)));
        routes.add(new Route("GET", "/table/export", Role.VIEWER, new RowExport(console, views)));
        routes.add(new Route("GET", "/api/tables", Role.VIEWER, new TablesApi(console)));
        TableApi tableApi = new TableApi(console, views);
        routes.add(new Route("GET", "/api/tables/{name}", Role.VIEWER, tableApi));
        routes.add(new Route("GET", "/api/table", Role.VIEWER, tableApi));
        routes.add(new Route("GET", "/integrity", Role.VIEWER, new IntegrityPage(console, cards, views)));
        routes.add(new Route("GET", "/jobs/{kind}", Role.VIEWER, cards.cardHandler()));
        routes.add(new Route("GET", "/maintenance", Role.VIEWER, new MaintenancePage(console, options, auditLog, cards, views)));
        routes.add(new Route("GET", "/backup", Role.VIEWER, new BackupPage(console, cards, views)));
        routes.add(new Route("GET", "/backup/download", Role.OPERATOR, new BackupDownload(console, views), true));
        routes.add(new Route("GET", "/api/backups", Role.VIEWER, new BackupsApi(console, views)));
        // A data route like /backup/download: audited, and refused when another site's page asks for it.
        routes.add(new Route("GET", "/backups/{id}/download", Role.OPERATOR, new StoredBackupDownload(console, views), true));
        routes.add(new Route("GET", "/backups/{id}/restore", Role.OPERATOR, new RestoreConfirmation(console, cards, views)));
        JobsApi jobs = new JobsApi(console, cards, views);
        // One start route per kind, with the role the kind names; the catch-all after them answers 404.
        for (JobKind kind : JobKind.values()) {
            routes.add(new Route("POST", "/api/jobs/" + kind.apiName(), JobCards.required(kind), jobs.start(kind)));
        }
        routes.add(new Route("POST", "/api/jobs/{kind}", Role.VIEWER, jobs.unknownKind()));
        routes.add(new Route("GET", "/api/jobs", Role.VIEWER, jobs.list()));
        routes.add(new Route("GET", "/api/jobs/{id}", Role.VIEWER, jobs.status()));
        // VIEWER to reach the job; the handler then asks the kind's role, as for starting it (JobCards.allows).
        routes.add(new Route("POST", "/api/jobs/{id}/cancel", Role.VIEWER, jobs.cancel()));
        routes.addAll(new Assets().routes());
        return routes;
    }

    /** Audited mutations, newest first. */
    public AuditLog auditLog() {
        return auditLog;
    }

    @Override
    protected void service(HttpServletRequest request, HttpServletResponse response) throws IOException {
        try {
            serve(request, response);
        } catch (RuntimeException e) {
            // A container call in the gates that throws (a header it cannot parse): never its stack trace page.
            String reference = UUID.randomUUID().toString().substring(0, 8);
            LOGGER.log(Level.ERROR, "SQLite Console failed before its handler on " + request.getMethod()
                    + " (reference " + reference + ")", e);
            if (!response.isCommitted()) {
                response.resetBuffer();
                response.setStatus(HttpServletResponse.SC_BAD_REQUEST);
                response.setContentType("text/plain;charset=UTF-8");
                response.getWriter().write("The console could not read this request. The server log has the details "
                        + "under reference " + reference + ".\n");
            }
        }
    }

    private void serve(HttpServletRequest request, HttpServletResponse response) throws IOException {
        SecurityHeaders.apply(response);
        String path = request.getPathInfo();
        String method = request.getMethod();
        Exchange bare = exchange(request, response, Role.DENY, null, Map.of());
        if (!hostCheck.allows(request)) {
            // Before the redirect, the authorizer and any token: a rebound page learns nothing here.
            auditLog.countDenial(request.getRemoteAddr(), "Host header names neither this machine nor an allowed host");
            Responses.error(bare, views, MISDIRECTED_REQUEST, "This console answers only under localhost, a loopback "
                    + "address or a host name listed in its allowedHosts option; open it under one of those names.");
            return;
        }
        if (path == null) {
            // "/admin" without the slash: relative links need the trailing slash.
            response.setStatus(HttpServletResponse.SC_MOVED_PERMANENTLY);
            response.setHeader("Location", request.getRequestURI() + "/");
            return;
        }
        // HEAD is GET without a body: the container drops the body, handlers skip side effects.
        boolean head = method.equals("HEAD");
        Optional<Router.Match> match = router.find(head ? "GET" : method, path);
        Role role = roleOf(request);
        if (role == Role.DENY) {
            auditLog.countDenial(request.getRemoteAddr(), "client not allowed");
            Responses.error(bare, views, HttpServletResponse.SC_FORBIDDEN,
                    "Forbidden: this client is not allowed to use the console.");
            return;
        }
        if (match.isEmpty()) {
            String allowed = router.allowedMethods(path);
            if (allowed.isEmpty()) {
                Responses.error(bare, views, HttpServletResponse.SC_NOT_FOUND, "There is no such page in the console.");
            } else {
                response.setHeader("Allow", allowed.contains("GET") ? allowed + ", HEAD" : allowed);
                Responses.error(bare, views, HttpServletResponse.SC_METHOD_NOT_ALLOWED,
                        "This address does not accept " + (isKnownMethod(method) ? method : "that method") + ".");
            }
            return;
        }
        Route route = match.get().route();
        boolean audited = route.audited() && !head;
        String refusal = refusal(request, role, route);
        if (refusal != null) {
            deny(bare, audited, method, path, refusal);
            return;
        }
        FormLimits.Problem unreadable = FormLimits.check(request);
        if (unreadable != null) {
            if (audited) {
                audit(request, method + " " + path, AuditEntry.Outcome.FAILED, unreadable.message());
            }
            Responses.error(bare, views, unreadable.status(), unreadable.message());
            return;
        }
        if (route.mutates() && !csrfTokens.isValid(request)) {
            deny(bare, audited, method, path,
                    "the request is missing this console session's CSRF token; reload the page and retry");
            return;
        }
        String token = csrfTokens.tokenFor(request, response, cookiePath(request));
        Exchange exchange = exchange(request, response, role, token, match.get().pathParams());
        // Pages ask for the host's token only when they render (see HostCsrfToken.of).
        request.setAttribute(HostCsrfToken.REQUEST_ATTRIBUTE, options.hostCsrfToken());
        try {
            route.handler().handle(exchange);
            if (audited) {
                auditOutcome(request, method + " " + path, response.getStatus());
            }
        } catch (BadRequest e) {
            if (audited) {
                audit(request, method + " " + path, AuditEntry.Outcome.FAILED, e.getMessage());
            }
            Responses.error(exchange, views, HttpServletResponse.SC_BAD_REQUEST, e.getMessage());
        } catch (SQLException e) {
            // The log keeps the driver's and the pool's words; the page says what is wrong and what to do.
            String reference = UUID.randomUUID().toString().substring(0, 8);
            LOGGER.log(Level.WARNING, "SQLite Console could not read the database on " + method + " " + path
                    + " (reference " + reference + "): " + SqliteErrors.describe(e), e);
            if (audited) {
                audit(request, method + " " + path, AuditEntry.Outcome.FAILED, SqliteErrors.describe(e));
            }
            Responses.error(exchange, views, HttpServletResponse.SC_SERVICE_UNAVAILABLE,
                    "The database could not be read: " + SqliteErrors.plainSummary(e)
                            + ". The server log has the details under reference " + reference + ".");
        } catch (RuntimeException e) {
            String reference = UUID.randomUUID().toString().substring(0, 8);
            LOGGER.log(Level.ERROR, "SQLite Console failed on " + method + " " + path + " (reference " + reference + ")", e);
            if (audited) {
                audit(request, method + " " + path, AuditEntry.Outcome.FAILED, "internal error, reference " + reference);
            }
            Responses.error(exchange, views, HttpServletResponse.SC_INTERNAL_SERVER_ERROR,
                    "The console failed on this request. The server log has the details under reference " + reference + ".");
        }
    }

    /** Why a matched route may not run for this caller, or null when it may. */
    private String refusal(HttpServletRequest request, Role role, Route route) {
        if (route.mutates() && options.readOnly()) {
            return "the console is in read-only mode";
        }
        if (!role.allows(route.required())) {
            return "this needs the " + route.required() + " role";
        }
        if (route.mutates() && !SameOriginCheck.isSameOrigin(request)) {
            return "the request came from another site";
        }
        if (!route.mutates() && route.audited() && SameOriginCheck.isFromOtherSite(request)) {
            // An <img> or <a download> on another site would otherwise make the server copy the whole database.
            return "the download was requested by a page of another site; open the Backup page and download from there";
        }
        if (route.mutates() && CsrfTokens.isInQueryString(request)) {
            return "the CSRF token was sent in the URL, where access logs keep it; send it in the header "
                    + CsrfTokens.HEADER + " or form field " + CsrfTokens.FORM_FIELD + " of the body";
        }
        return null;
    }

    /** A handler's answer, as the audit sees it: 403 and 409 are refusals, any other error a failure. */
    private void auditOutcome(HttpServletRequest request, String action, int status) {
        if (status < 400) {
            audit(request, action, AuditEntry.Outcome.ALLOWED, "HTTP " + status);
        } else {
            boolean refused = status == HttpServletResponse.SC_CONFLICT || status == HttpServletResponse.SC_FORBIDDEN;
            audit(request, action, refused ? AuditEntry.Outcome.DENIED : AuditEntry.Outcome.FAILED, "HTTP " + status);
        }
    }

    private void deny(Exchange exchange, boolean audited, String method, String path, String reason) throws IOException {
        if (audited) {
            audit(exchange.request(), method + " " + path, AuditEntry.Outcome.DENIED, reason);
        }
        Responses.error(exchange, views, HttpServletResponse.SC_FORBIDDEN, "Forbidden: " + reason + ".");
    }

    private Role roleOf(HttpServletRequest request) {
        Role role;
        try {
            role = options.authorizer().authorize(request);
        } catch (RuntimeException e) {
            LOGGER.log(Level.ERROR, "the console's authorizer failed; denying the request", e);
            return Role.DENY;
        }
        if (role == null) {
            return Role.DENY;
        }
        return options.readOnly() && role == Role.OPERATOR ? Role.VIEWER : role;
    }

    private void audit(HttpServletRequest request, String action, AuditEntry.Outcome outcome, String detail) {
        Principal principal = request.getUserPrincipal();
        auditLog.record(new AuditEntry(Instant.now(), request.getRemoteAddr(),
                principal == null ? "-" : principal.getName(), action, outcome, detail));
    }

    private static Exchange exchange(HttpServletRequest request, HttpServletResponse response, Role role,
                                     String token, Map<String, String> pathParams) {
        boolean htmx = request.getHeader("HX-Request") != null;
        return new Exchange(request, response, role, token, htmx ? pageBase(request) : baseOf(request.getPathInfo()),
                pathParams, htmx);
    }

    /**
     * For htmx, the base of the page the fragment will land in, which the page sent as
     * {@code X-Console-Base}: a card returned by {@code POST /api/jobs/x} is shown on
     * {@code /integrity}, and its links must resolve from there. Only {@code ./} or up to a few
     * {@code ../} are accepted; anything else falls back to this request's own base.
     */
    private static String pageBase(HttpServletRequest request) {
        String sent = request.getHeader(PAGE_BASE_HEADER);
        return sent != null && PAGE_BASE.matcher(sent).matches() ? sent : baseOf(request.getPathInfo());
    }

    /** Relative prefix from the current URL to the mount root: {@code ./} at depth one, {@code ../} per level below. */
    static String baseOf(String pathInfo) {
        if (pathInfo == null) {
            return "./";
        }
        int depth = (int) pathInfo.chars().filter(ch -> ch == '/').count() - 1;
        return depth <= 0 ? "./" : "../".repeat(depth);
    }

    private static String cookiePath(HttpServletRequest request) {
        String mount = request.getContextPath() + request.getServletPath();
        return mount.isEmpty() ? "/" : mount;
    }

    private static boolean isKnownMethod(String method) {
        return List.of("GET", "HEAD", "POST", "PUT", "DELETE", "PATCH", "OPTIONS", "TRACE").contains(method);
    }

    @Override
    public void destroy() {
        if (ownsConsole && console != null) {
            console.close();
        }
    }
}
