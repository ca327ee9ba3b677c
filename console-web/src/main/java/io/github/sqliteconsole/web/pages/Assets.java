package io.github.sqliteconsole.web.pages;

import io.github.sqliteconsole.web.routing.Exchange;
import io.github.sqliteconsole.web.routing.Route;
import io.github.sqliteconsole.web.security.Role;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.io.InputStream;
import java.util.List;
import java.util.Map;

/**
 * {@code GET /assets/NAME}: the console's script and style, and htmx, which the build copies from
 * its webjar into the console's own jar (so the host has no public {@code /webjars/} path). A
 * fixed list of names: nothing from the request ever becomes a resource path.
 */
public final class Assets {

    private record Asset(String resource, String contentType) {
    }

    private static final String OWN = "io/github/sqliteconsole/web/assets/";

    private final Map<String, Asset> assets;

    public Assets() {
        assets = Map.of(
                "htmx.min.js", new Asset(OWN + "htmx.min.js", "text/javascript"),
                "console.js", new Asset(OWN + "console.js", "text/javascript"),
                "console.css", new Asset(OWN + "console.css", "text/css"));
    }

    /** One GET route per asset, at {@code /assets/NAME}, open to every role that passed security. */
    public List<Route> routes() {
        return assets.entrySet().stream()
                .map(entry -> new Route("GET", "/assets/" + entry.getKey(), Role.VIEWER, exchange -> serve(exchange, entry.getValue())))
                .toList();
    }

    private static void serve(Exchange exchange, Asset asset) throws IOException {
        HttpServletResponse response = exchange.response();
        try (InputStream in = Assets.class.getClassLoader().getResourceAsStream(asset.resource())) {
            if (in == null) {
                throw new IllegalStateException("console resource missing from the jar: " + asset.resource());
            }
            response.setContentType(asset.contentType() + ";charset=UTF-8");
            // Assets change only with the console's version; an hour of caching is safe.
            response.setHeader("Cache-Control", "private, max-age=3600");
            in.transferTo(response.getOutputStream());
        }
    }
}
