package io.github.sqliteconsole.web.pages;

import io.github.sqliteconsole.core.json.Json;
import io.github.sqliteconsole.web.routing.Exchange;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Map;

/** Writing JSON and error answers, the same way for every route. */
public final class Responses {

    private Responses() {
    }

    public static void json(HttpServletResponse response, int status, Object body) throws IOException {
        response.setStatus(status);
        response.setContentType("application/json");
        response.setCharacterEncoding(StandardCharsets.UTF_8.name());
        response.getWriter().write(Json.write(body));
    }

    /** True for routes of the JSON API: their errors are JSON too, never an HTML page. */
    public static boolean isApi(String path) {
        return path != null && (path.equals("/api") || path.startsWith("/api/"));
    }

    /**
     * An error answer. {@code message} is the console's own sentence: never put request input in
     * it, an error page is where reflected markup would otherwise land.
     */
    public static void error(Exchange exchange, io.github.sqliteconsole.web.view.Views views, int status,
                             String message) throws IOException {
        HttpServletResponse response = exchange.response();
        if (response.isCommitted()) {
            return;
        }
        response.resetBuffer();
        if (isApi(exchange.request().getPathInfo())) {
            json(response, status, Map.of("status", status, "error", message));
        } else {
            views.render(exchange, status, "pages/error", null, Map.of("status", status, "message", message));
        }
    }
}
