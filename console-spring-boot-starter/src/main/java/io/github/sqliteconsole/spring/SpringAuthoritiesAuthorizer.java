package io.github.sqliteconsole.spring;

import io.github.sqliteconsole.web.security.Authorizer;
import io.github.sqliteconsole.web.security.Role;
import jakarta.servlet.http.HttpServletRequest;
import java.util.Set;
import java.util.stream.Collectors;
import org.springframework.security.authentication.AnonymousAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.context.SecurityContextHolder;

/**
 * The logged-in user's granted authorities, compared as written (no {@code ROLE_} prefix added):
 * {@code operator-authority} makes an OPERATOR, {@code viewer-authority} a VIEWER, anyone else,
 * anonymous users included, is denied.
 */
final class SpringAuthoritiesAuthorizer implements Authorizer {

    private final String operatorAuthority;
    private final String viewerAuthority;

    SpringAuthoritiesAuthorizer(String operatorAuthority, String viewerAuthority) {
        this.operatorAuthority = requireText(operatorAuthority, "sqlite.console.operator-authority");
        this.viewerAuthority = requireText(viewerAuthority, "sqlite.console.viewer-authority");
    }

    @Override
    public Role authorize(HttpServletRequest request) {
        Authentication user = SecurityContextHolder.getContext().getAuthentication();
        if (user == null || !user.isAuthenticated() || user instanceof AnonymousAuthenticationToken) {
            return Role.DENY;
        }
        Set<String> granted = user.getAuthorities().stream().map(GrantedAuthority::getAuthority)
                .collect(Collectors.toSet());
        if (granted.contains(operatorAuthority)) {
            return Role.OPERATOR;
        }
        return granted.contains(viewerAuthority) ? Role.VIEWER : Role.DENY;
    }

    private static String requireText(String value, String property) {
        if (value == null || value.isBlank()) {
            throw new IllegalArgumentException(property + " must name a granted authority, e.g. ROLE_ADMIN");
        }
        return value;
    }
}
