package io.github.sqliteconsole.spring;

import io.github.sqliteconsole.web.security.HostCsrfToken;
import jakarta.servlet.http.HttpServletRequest;
import java.util.Optional;
import org.springframework.security.web.csrf.CsrfToken;

/**
 * Spring Security's token for the console's pages. Spring's {@code CsrfFilter} leaves it as a
 * request attribute; since Spring Security 6 it is deferred (loaded, and saved to the session or
 * cookie, only when read) and XOR-masked per read. The console reads it while rendering a page,
 * before the response is committed, so a new session can still be started; the masked value it
 * gets is one Spring accepts back in the header.
 */
final class SpringSecurityCsrfToken implements HostCsrfToken {

    @Override
    public Optional<Token> tokenFor(HttpServletRequest request) {
        Object attribute = request.getAttribute(CsrfToken.class.getName());
        if (!(attribute instanceof CsrfToken token)) {
            return Optional.empty();
        }
        return Optional.of(new Token(token.getHeaderName(), token.getParameterName(), token.getToken()));
    }
}
