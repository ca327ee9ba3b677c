package io.github.sqliteconsole.web.security;

import jakarta.servlet.http.HttpServletRequest;

/**
 * Decides what a request may do. The host supplies one to open the console beyond loopback; see
 * {@link Authorizers} for ready ones. It runs before any route and before any database access, so
 * it must not touch the database itself.
 */
@FunctionalInterface
public interface Authorizer {

    Role authorize(HttpServletRequest request);
}
