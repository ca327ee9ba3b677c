package io.github.sqliteconsole.web.security;

import jakarta.servlet.http.HttpServletRequest;
import java.util.Objects;
import java.util.Optional;

/**
 * The host application's own CSRF token for a request, so that the console's pages carry it next
 * to the console's token and every POST satisfies both protections.
 *
 * <p>A host whose security filter checks CSRF on every POST (Spring Security does) would otherwise
 * refuse the console's POSTs, or have to exempt the console's path. With this, each page carries
 * the host token in {@code <meta name="host-csrf-header">}, {@code host-csrf-parameter} and
 * {@code host-csrf-token}, and {@code console.js} sends it in that header on every htmx request,
 * beside the console's own {@value CsrfTokens#HEADER}.
 *
 * <p>It is asked only while a page is rendered, before anything is written, so a host may start
 * its session or set its cookie here; JSON and asset requests never ask it.
 */
@FunctionalInterface
public interface HostCsrfToken {

    /** The host's token for this request, or empty when it has none. */
    Optional<Token> tokenFor(HttpServletRequest request);

    /** No host token: pages carry only the console's. */
    static HostCsrfToken none() {
        return request -> Optional.empty();
    }

    /**
     * One host token and where the host expects it.
     *
     * @param headerName    the request header the host reads, e.g. {@code X-CSRF-TOKEN}
     * @param parameterName the form field the host reads, e.g. {@code _csrf}
     * @param value         the token as the host wants it sent back (masked or not: sent as given)
     */
    record Token(String headerName, String parameterName, String value) {

        public Token {
            Objects.requireNonNull(headerName, "headerName");
            Objects.requireNonNull(parameterName, "parameterName");
            Objects.requireNonNull(value, "value");
            if (headerName.equalsIgnoreCase(CsrfTokens.HEADER) || parameterName.equals(CsrfTokens.FORM_FIELD)) {
                throw new IllegalArgumentException("the host's CSRF header or field may not be the console's own ("
                        + CsrfTokens.HEADER + ", " + CsrfTokens.FORM_FIELD + "), was " + headerName + ", " + parameterName);
            }
        }
    }

    /** Where the servlet leaves the host token resolver for the views of one request. */
    String REQUEST_ATTRIBUTE = HostCsrfToken.class.getName();

    /**
     * The host token for a request the servlet handed to the views; empty when none was handed or
     * the host has none. A failing host resolver is the host's bug: it propagates.
     */
    static Optional<Token> of(HttpServletRequest request) {
        Object resolver = request.getAttribute(REQUEST_ATTRIBUTE);
        return resolver instanceof HostCsrfToken host ? host.tokenFor(request) : Optional.empty();
    }
}
