package io.github.sqliteconsole.web.view;

import io.github.sqliteconsole.web.advice.Advice;
import io.github.sqliteconsole.web.routing.Exchange;
import io.github.sqliteconsole.web.security.HostCsrfToken;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.Set;
import org.thymeleaf.TemplateEngine;
import org.thymeleaf.context.Context;
import org.thymeleaf.templatemode.TemplateMode;
import org.thymeleaf.templateresolver.ClassLoaderTemplateResolver;

/**
 * Renders the console's Thymeleaf templates from its own jar: {@code layout.html},
 * {@code pages/*.html} and {@code fragments/*.html}. Escaping is Thymeleaf's {@code th:text}; no
 * template uses unescaped output.
 */
public final class Views {

    private static final Formats FORMATS = new Formats();
    private static final Links LINKS = new Links();

    private final TemplateEngine engine = new TemplateEngine();
    private final Advice advice;

    /** @param docsUrl the user guide's {@code docs/} URL, which every finding's advice links into */
    public Views(String docsUrl) {
        this.advice = new Advice(docsUrl);
        ClassLoaderTemplateResolver resolver = new ClassLoaderTemplateResolver(Views.class.getClassLoader());
        resolver.setPrefix("io/github/sqliteconsole/web/templates/");
        resolver.setSuffix(".html");
        resolver.setTemplateMode(TemplateMode.HTML);
        resolver.setCharacterEncoding("UTF-8");
        resolver.setCacheable(true);
        engine.setTemplateResolver(resolver);
    }

    /**
     * Renders {@code template} as the whole page, or, for an htmx request, only {@code fragment}
     * of it: one template serves both the first render and the later swaps.
     */
    public void render(Exchange exchange, int status, String template, String fragment, Map<String, ?> model)
            throws IOException {
        process(exchange, status, template, exchange.htmx() && fragment != null ? Set.of(fragment) : null, model);
    }

    /** Renders only {@code fragment} of {@code template}, for htmx and plain requests alike. */
    public void renderFragment(Exchange exchange, int status, String template, String fragment, Map<String, ?> model)
            throws IOException {
        process(exchange, status, template, Set.of(fragment), model);
    }

    private void process(Exchange exchange, int status, String template, Set<String> selectors, Map<String, ?> model)
            throws IOException {
        Context context = new Context();
        model.forEach(context::setVariable);
        context.setVariable("base", exchange.base());
        context.setVariable("fmt", FORMATS);
        context.setVariable("links", LINKS);
        context.setVariable("advice", advice);
        context.setVariable("csrfToken", exchange.csrfToken() == null ? "" : exchange.csrfToken());
        // Resolved before the first byte is written: the host may need to start its session for it.
        context.setVariable("hostCsrf", HostCsrfToken.of(exchange.request()).orElse(null));
        context.setVariable("role", exchange.role().name());
        // The nav marks the page it is on (aria-current): a table's page belongs to Tables.
        context.setVariable("section", template.equals("pages/table") ? "tables"
                : template.startsWith("pages/") ? template.substring("pages/".length()) : "");
        var response = exchange.response();
        response.setStatus(status);
        response.setContentType("text/html;charset=UTF-8");
        response.setCharacterEncoding(StandardCharsets.UTF_8.name());
        response.addHeader("Vary", "HX-Request");
        engine.process(template, selectors, context, response.getWriter());
    }
}
