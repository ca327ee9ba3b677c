package io.github.sqliteconsole.web.security;

import jakarta.servlet.http.HttpServletRequest;
import java.net.URI;
import java.net.URISyntaxException;
import java.util.Locale;

/**
 * Refuses state-changing requests that a browser says came from another site. A second line
 * behind the CSRF token: browsers send {@code Sec-Fetch-Site} and {@code Origin} on POST.
 * Requests with neither (curl, scripts) pass here and still need a valid token.
 */
public final class SameOriginCheck {

    private SameOriginCheck() {
    }

    public static boolean isSameOrigin(HttpServletRequest request) {
        String site = request.getHeader("Sec-Fetch-Site");
        if (site != null && !site.equals("same-origin")) {
            return false;
        }
        String origin = request.getHeader("Origin");
        if (origin == null) {
            return true;
        }
        String host = request.getHeader("Host");
        return host != null && authorityOf(origin).equals(normalize(host, defaultPortOf(origin)));
    }

    /** {@code host:port} of an Origin header, or an empty string (never equal) when it is not a URL. */
    private static String authorityOf(String origin) {
        try {
            URI uri = new URI(origin);
            if (uri.getHost() == null) {
                return "";
            }
            int port = uri.getPort() >= 0 ? uri.getPort() : defaultPortOf(origin);
            return uri.getHost().toLowerCase(Locale.ROOT) + ":" + port;
        } catch (URISyntaxException e) {
            return "";
        }
    }

    private static String normalize(String hostHeader, int defaultPort) {
        String host = hostHeader.toLowerCase(Locale.ROOT);
        int colon = host.lastIndexOf(':');
        boolean hasPort = colon > host.lastIndexOf(']');
        return hasPort ? host : host + ":" + defaultPort;
    }

    private static int defaultPortOf(String origin) {
        return origin.regionMatches(true, 0, "https:", 0, 6) ? 443 : 80;
    }
}
