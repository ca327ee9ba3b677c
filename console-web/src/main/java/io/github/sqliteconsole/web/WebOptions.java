package io.github.sqliteconsole.web;

import io.github.sqliteconsole.web.security.Authorizer;
import io.github.sqliteconsole.web.security.Authorizers;
import io.github.sqliteconsole.web.security.Role;
import java.time.Duration;
import java.util.Objects;

/**
 * Settings of the web console.
 *
 * @param authorizer      who may do what; by default loopback clients are OPERATOR and all others denied
 * @param readOnly        when true nobody can run a mutation, whatever the authorizer says
 * @param refreshInterval how often the overview refreshes itself; {@link Duration#ZERO} turns it off
 */
public record WebOptions(Authorizer authorizer, boolean readOnly, Duration refreshInterval) {

    public static final Duration DEFAULT_REFRESH_INTERVAL = Duration.ofSeconds(30);

    public WebOptions {
        Objects.requireNonNull(authorizer, "authorizer");
        Objects.requireNonNull(refreshInterval, "refreshInterval");
        if (refreshInterval.isNegative() || (!refreshInterval.isZero() && refreshInterval.toSeconds() < 1)) {
            throw new IllegalArgumentException("refreshInterval must be zero (off) or at least one second, was "
                    + refreshInterval);
        }
    }

    public static WebOptions defaults() {
        return new WebOptions(Authorizers.loopbackOnly(Role.OPERATOR), false, DEFAULT_REFRESH_INTERVAL);
    }

    public WebOptions withAuthorizer(Authorizer value) {
        return new WebOptions(value, readOnly, refreshInterval);
    }

    public WebOptions withReadOnly(boolean value) {
        return new WebOptions(authorizer, value, refreshInterval);
    }

    public WebOptions withRefreshInterval(Duration value) {
        return new WebOptions(authorizer, readOnly, value);
    }
}
