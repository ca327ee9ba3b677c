package io.github.sqliteconsole.web.security;

import jakarta.servlet.http.HttpServletRequest;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.List;
import java.util.Objects;

/** Ready authorizers. */
public final class Authorizers {

    /** Headers a reverse proxy adds; their presence means the real client is somewhere else. */
    private static final List<String> FORWARDING_HEADERS =
            List.of("Forwarded", "X-Forwarded-For", "X-Real-IP", "X-Forwarded-Host", "X-Client-IP");

    private Authorizers() {
    }

    /**
     * The default: {@code role} for clients on this machine, DENY for everyone else.
     *
     * <p>A request that a local reverse proxy forwarded also comes from loopback, yet its client
     * may be anywhere; so a loopback request that carries any forwarding header is denied too.
     * The client address is the container's {@code getRemoteAddr()}: forwarding headers are never
     * believed. This is an extra gate, not authentication: in production, install an authorizer
     * that checks who the user is (for example {@link #containerRoles}).
     */
    public static Authorizer loopbackOnly(Role role) {
        Objects.requireNonNull(role, "role");
        return new LoopbackOnly(role);
    }

    /**
     * True for the loopback default: access then rests on the client's address alone, which a
     * DNS-rebound page in the operator's browser shares, so the {@code Host} header must be checked.
     */
    public static boolean isLoopbackOnly(Authorizer authorizer) {
        return authorizer instanceof LoopbackOnly;
    }

    private record LoopbackOnly(Role role) implements Authorizer {
        @Override
        public Role authorize(HttpServletRequest request) {
            return isDirectLoopback(request) ? role : Role.DENY;
        }
    }

    /**
     * Maps servlet container roles (from the host's authentication: Spring Security, JAAS, a
     * realm) to console roles; anyone else is denied.
     */
    public static Authorizer containerRoles(String operatorRole, String viewerRole) {
        Objects.requireNonNull(operatorRole, "operatorRole");
        Objects.requireNonNull(viewerRole, "viewerRole");
        return request -> {
            if (request.isUserInRole(operatorRole)) {
                return Role.OPERATOR;
            }
            return request.isUserInRole(viewerRole) ? Role.VIEWER : Role.DENY;
        };
    }

    static boolean isDirectLoopback(HttpServletRequest request) {
        for (String header : FORWARDING_HEADERS) {
            if (request.getHeader(header) != null) {
                return false;
            }
        }
        return isLoopbackAddress(request.getRemoteAddr());
    }

    private static boolean isLoopbackAddress(String address) {
        if (address == null || address.isEmpty()) {
            return false;
        }
        String literal = address.startsWith("[") && address.endsWith("]")
                ? address.substring(1, address.length() - 1) : address;
        // Only IP literals are resolved here, so this never does a DNS look-up.
        if (!literal.chars().allMatch(ch -> Character.digit(ch, 16) >= 0 || ch == '.' || ch == ':')) {
            return false;
        }
        try {
            return InetAddress.getByName(literal).isLoopbackAddress();
        } catch (UnknownHostException e) {
            return false;
        }
    }
}
