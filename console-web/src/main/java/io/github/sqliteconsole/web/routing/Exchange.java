package io.github.sqliteconsole.web.routing;

import io.github.sqliteconsole.web.security.Role;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.util.Map;

/**
 * One request as a handler sees it, after security has let it through.
 *
 * @param role       what the caller may do
 * @param csrfToken  the token pages embed for later POSTs
 * @param base       relative link prefix from this URL to the mount root ({@code ./} or {@code ../..})
 * @param pathParams values captured from the path, already URL-decoded by the container
 * @param htmx       the request came from htmx ({@code HX-Request}), so it wants a fragment
 */
public record Exchange(HttpServletRequest request, HttpServletResponse response, Role role, String csrfToken,
                       String base, Map<String, String> pathParams, boolean htmx) {
}
