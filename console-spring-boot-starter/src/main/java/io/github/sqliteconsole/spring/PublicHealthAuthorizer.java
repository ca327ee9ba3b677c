package io.github.sqliteconsole.spring;

import io.github.sqliteconsole.web.security.Authorizer;
import io.github.sqliteconsole.web.security.Role;
import jakarta.servlet.http.HttpServletRequest;

/**
 * {@code sqlite.console.public-health}: a load balancer may GET (or HEAD) {@code /api/health}
 * without logging in, and gets its summary (the status of each check; no paths, details or
 * findings: {@code Role.HEALTH}). Nothing else changes: every other request, and every caller the app's own
 * authorizer already knows, is decided by that authorizer.
 */
final class PublicHealthAuthorizer implements Authorizer {

    static final String HEALTH_PATH = "/api/health";

    private final Authorizer delegate;

    PublicHealthAuthorizer(Authorizer delegate) {
        this.delegate = delegate;
    }

    @Override
    public Role authorize(HttpServletRequest request) {
        Role role = delegate.authorize(request);
        if (role != null && role != Role.DENY) {
            return role;
        }
        return isHealthRead(request) ? Role.HEALTH : Role.DENY;
    }

    /** Exactly the health path, as the container decoded it: any variant ("//", ";x") stays denied. */
    static boolean isHealthRead(HttpServletRequest request) {
        String method = request.getMethod();
        return ("GET".equals(method) || "HEAD".equals(method)) && HEALTH_PATH.equals(request.getPathInfo());
    }
}
