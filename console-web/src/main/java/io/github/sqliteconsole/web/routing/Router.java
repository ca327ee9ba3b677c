package io.github.sqliteconsole.web.routing;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;

/** The explicit route table: the first route whose method and path match wins. */
public final class Router {

    /** A matched route with its captured path values. */
    public record Match(Route route, Map<String, String> pathParams) {
    }

    private final List<Route> routes;

    public Router(List<Route> routes) {
        this.routes = List.copyOf(routes);
    }

    public Optional<Match> find(String method, String path) {
        for (Route route : routes) {
            if (route.method().equals(method)) {
                Optional<Map<String, String>> values = route.match(path);
                if (values.isPresent()) {
                    return Optional.of(new Match(route, values.get()));
                }
            }
        }
        return Optional.empty();
    }

    /** The methods some route accepts at {@code path}, for a 405's {@code Allow} header; empty for a 404. */
    public String allowedMethods(String path) {
        return routes.stream().filter(route -> route.match(path).isPresent())
                .map(Route::method).distinct().collect(Collectors.joining(", "));
    }
}
