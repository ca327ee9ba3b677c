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
        // The scheme is part of the origin: a page served over http must not post to the https console.
        String scheme = request.isSecure() ? "https" : "http";
        return host != null && origin.regionMatches(true, 0, scheme + "://", 0, scheme.length() + 3)
                && authorityOf(origin).equals(normalize(host, defaultPortOf(origin)));
    }

    /**
     * True when the browser says a page of another site, or of a sibling subdomain, asked for this
     * URL (an {@code <img>}, a link, a script). Data routes refuse such fetches before any work;
     * a typed URL ({@code none}) and the console's own pages ({@code same-origin}) pass.
     */
    public static boolean isFromOtherSite(HttpServletRequest request) {
        String site = request.getHeader("Sec-Fetch-Site");
        return site != null && (site.equalsIgnoreCase("cross-site") || site.equalsIgnoreCase("same-site"));
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
