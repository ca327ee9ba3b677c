package io.github.sqliteconsole.web;

import io.github.sqliteconsole.core.SqliteConsole;
import io.github.sqliteconsole.web.security.Authorizers;
import jakarta.servlet.ServletConfig;
import jakarta.servlet.ServletException;
import javax.naming.InitialContext;
import javax.naming.NamingException;
import javax.sql.DataSource;

/**
 * Builds the console of a servlet declared in {@code web.xml}. Init-params:
 * <ul>
 *   <li>{@code dataSourceJndiName}: a JNDI name such as {@code java:comp/env/jdbc/app}, or</li>
 *   <li>{@code dataSourceAttribute}: the name of a ServletContext attribute holding the DataSource;</li>
 *   <li>{@code readOnly}: {@code true} to refuse every mutation, {@code false} (the default); any other value stops the servlet;</li>
 *   <li>{@code operatorRole} and {@code viewerRole}: container roles; when set, they replace the
 *       loopback-only default;</li>
 *   <li>{@code allowedHosts}: comma-separated host names (no port) the {@code Host} header may
 *       carry besides localhost and loopback addresses, e.g. the name a reverse proxy forwards;</li>
 *   <li>{@code docsUrl}: where the user guide's {@code docs/} directory is served, ending with {@code /}.</li>
 * </ul>
 */
record ServletConfigConsole(SqliteConsole console, WebOptions options) {

    static ServletConfigConsole from(ServletConfig config) throws ServletException {
        DataSource dataSource = dataSource(config);
        WebOptions options = WebOptions.defaults().withReadOnly(readOnly(config));
        String operatorRole = config.getInitParameter("operatorRole");
        String viewerRole = config.getInitParameter("viewerRole");
        if (operatorRole != null || viewerRole != null) {
            if (operatorRole == null || viewerRole == null) {
                throw new ServletException(config.getServletName() + ": set both operatorRole and viewerRole, or neither");
            }
            options = options.withAuthorizer(Authorizers.containerRoles(operatorRole, viewerRole));
        }
        String allowedHosts = config.getInitParameter("allowedHosts");
        if (allowedHosts != null && !allowedHosts.isBlank()) {
            try {
                options = options.withAllowedHosts(java.util.Arrays.stream(allowedHosts.split(","))
                        .map(String::trim).filter(name -> !name.isEmpty()).collect(java.util.stream.Collectors.toSet()));
            } catch (IllegalArgumentException e) {
                throw new ServletException(config.getServletName() + ": init-param " + e.getMessage(), e);
            }
        }
        String docsUrl = config.getInitParameter("docsUrl");
        if (docsUrl != null) {
            try {
                options = options.withDocsUrl(docsUrl.trim());
            } catch (IllegalArgumentException e) {
                throw new ServletException(config.getServletName() + ": init-param " + e.getMessage(), e);
            }
        }
        return new ServletConfigConsole(SqliteConsole.builder(dataSource).build(), options);
    }

    /**
     * {@code true} or {@code false}, nothing else: a typo such as {@code yes} must not leave
     * mutations on, so it stops the servlet from starting instead (configuration fails closed).
     */
    static boolean readOnly(ServletConfig config) throws ServletException {
        String raw = config.getInitParameter("readOnly");
        if (raw == null) {
            return false;
        }
        String value = raw.trim().toLowerCase(java.util.Locale.ROOT);
        if (!value.equals("true") && !value.equals("false")) {
            throw new ServletException(config.getServletName() + ": init-param readOnly is '" + raw
                    + "', which is neither true nor false; set readOnly to true to refuse every mutation, or false");
        }
        return value.equals("true");
    }

    private static DataSource dataSource(ServletConfig config) throws ServletException {
        String jndiName = config.getInitParameter("dataSourceJndiName");
        String attribute = config.getInitParameter("dataSourceAttribute");
        String servlet = config.getServletName();
        if ((jndiName == null) == (attribute == null)) {
            throw new ServletException(servlet + ": set exactly one init-param, dataSourceJndiName or dataSourceAttribute");
        }
        Object found;
        if (jndiName != null) {
            try {
                found = new InitialContext().lookup(jndiName);
            } catch (NamingException e) {
                throw new ServletException(servlet + ": no DataSource at JNDI name " + jndiName, e);
            }
        } else {
            found = config.getServletContext().getAttribute(attribute);
        }
        if (found instanceof DataSource dataSource) {
            return dataSource;
        }
        String where = jndiName != null ? "JNDI name " + jndiName : "ServletContext attribute " + attribute;
        throw new ServletException(servlet + ": " + where + " holds " + (found == null ? "nothing" : found.getClass().getName())
                + ", not a javax.sql.DataSource; register the DataSource before the servlet starts");
    }
}
