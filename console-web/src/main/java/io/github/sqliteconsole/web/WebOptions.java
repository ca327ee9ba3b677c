package io.github.sqliteconsole.web;

import io.github.sqliteconsole.web.security.Authorizer;
import io.github.sqliteconsole.web.security.Authorizers;
import io.github.sqliteconsole.web.security.HostCheck;
import io.github.sqliteconsole.web.security.HostCsrfToken;
import io.github.sqliteconsole.web.security.Role;
import java.time.Duration;
import java.util.Objects;
import java.util.Set;

/**
 * Settings of the web console. Start from {@link #defaults()} and change what differs with the
 * {@code with…} methods, each of which checks its value at once.
 *
 * @param authorizer      who may do what; by default loopback clients are OPERATOR and all others denied
 * @param readOnly        refuse every mutation, whatever the role
 * @param refreshInterval how often the overview refreshes itself; {@link Duration#ZERO} turns it off
 * @param allowedHosts    host names (without port) the {@code Host} header may carry besides
 *                        {@code localhost} and loopback addresses, e.g. the name a reverse proxy
 *                        forwards; empty by default. With the loopback default every other
 *                        {@code Host} is refused (DNS rebinding); with an authorizer of the host's,
 *                        {@code Host} is checked only when this set is not empty.
 * @param hostCsrfToken   the host's own CSRF token, carried by every page beside the console's; none by default
 * @param docsUrl         where the user guide's {@code docs/} directory is served: every finding links to its
 *                        section there. By default the guide in the project's repository; a host whose users
 *                        have no internet access serves a copy of {@code docs/} and sets its URL here
 */
public record WebOptions(Authorizer authorizer, boolean readOnly, Duration refreshInterval, Set<String> allowedHosts,
                         HostCsrfToken hostCsrfToken, String docsUrl) {

    public static final Duration DEFAULT_REFRESH_INTERVAL = Duration.ofSeconds(30);
    public static final String DEFAULT_DOCS_URL = "https://github.com/sqliteconsole/sqlite-console/blob/main/docs/";

    public WebOptions {
        Objects.requireNonNull(authorizer, "authorizer");
        Objects.requireNonNull(refreshInterval, "refreshInterval");
        Objects.requireNonNull(hostCsrfToken, "hostCsrfToken");
        if (refreshInterval.isNegative() || (!refreshInterval.isZero() && refreshInterval.toSeconds() < 1)) {
            throw new IllegalArgumentException("refreshInterval must be zero (off) or at least one second, was "
                    + refreshInterval);
        }
        allowedHosts = HostCheck.normalizeAllowed(Objects.requireNonNull(allowedHosts, "allowedHosts"));
        Objects.requireNonNull(docsUrl, "docsUrl");
        if (!(docsUrl.startsWith("https://") || docsUrl.startsWith("http://")) || !docsUrl.endsWith("/")
                || docsUrl.chars().anyMatch(ch -> ch <= ' ' || ch == '"' || ch == '<' || ch == '>')) {
            throw new IllegalArgumentException("docsUrl must be an http(s) URL of the docs directory ending with '/', was '"
                    + docsUrl + "'; for example " + DEFAULT_DOCS_URL);
        }
    }

    /** No extra host names and no host CSRF token, as before those existed. */
    public WebOptions(Authorizer authorizer, boolean readOnly, Duration refreshInterval) {
        this(authorizer, readOnly, refreshInterval, Set.of(), HostCsrfToken.none(), DEFAULT_DOCS_URL);
    }

    public static WebOptions defaults() {
        return new WebOptions(Authorizers.loopbackOnly(Role.OPERATOR), false, DEFAULT_REFRESH_INTERVAL);
    }

    public WebOptions withAuthorizer(Authorizer value) {
        return new WebOptions(value, readOnly, refreshInterval, allowedHosts, hostCsrfToken, docsUrl);
    }

    public WebOptions withReadOnly(boolean value) {
        return new WebOptions(authorizer, value, refreshInterval, allowedHosts, hostCsrfToken, docsUrl);
    }

    public WebOptions withRefreshInterval(Duration value) {
        return new WebOptions(authorizer, readOnly, value, allowedHosts, hostCsrfToken, docsUrl);
    }

    /** Host names such as {@code console.example.com} that the {@code Host} header may also carry. */
    public WebOptions withAllowedHosts(Set<String> value) {
        return new WebOptions(authorizer, readOnly, refreshInterval, value, hostCsrfToken, docsUrl);
    }

    public WebOptions withHostCsrfToken(HostCsrfToken value) {
        return new WebOptions(authorizer, readOnly, refreshInterval, allowedHosts, value, docsUrl);
    }

    /** The URL of the user guide's {@code docs/} directory, ending with {@code /}. */
    public WebOptions withDocsUrl(String value) {
        return new WebOptions(authorizer, readOnly, refreshInterval, allowedHosts, hostCsrfToken, value);
    }
}
