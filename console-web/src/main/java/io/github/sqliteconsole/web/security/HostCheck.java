package io.github.sqliteconsole.web.security;

import jakarta.servlet.http.HttpServletRequest;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * The {@code Host} a request names must be this machine or a name the operator listed. A loopback
 * client proves nothing about the page that sent it: with DNS rebinding, a page on any site
 * points its own name at 127.0.0.1 and its script then talks to the console "same-origin", with
 * its own name in {@code Host}. That name is what gives it away, so it is refused before any work.
 */
public final class HostCheck {

    private static final Pattern HOST_NAME = Pattern.compile("[a-z0-9]([a-z0-9-]*[a-z0-9])?(\\.[a-z0-9]([a-z0-9-]*[a-z0-9])?)*\\.?");
    private static final Pattern IPV4_LOOPBACK = Pattern.compile("127(\\.(25[0-5]|2[0-4]\\d|1\\d\\d|[1-9]?\\d)){3}");

    private final Set<String> allowedHosts;
    private final boolean enforced;

    /**
     * @param allowedHosts   names besides loopback that {@code Host} may carry (normalized)
     * @param loopbackAccess true when access rests on the loopback default: then {@code Host} is
     *                       always checked; otherwise only when {@code allowedHosts} is set
     */
    public HostCheck(Set<String> allowedHosts, boolean loopbackAccess) {
        this.allowedHosts = Set.copyOf(allowedHosts);
        this.enforced = loopbackAccess || !allowedHosts.isEmpty();
    }

    /** True when the request's host name is loopback or listed (any port), or when nothing is enforced. */
    public boolean allows(HttpServletRequest request) {
        if (!enforced) {
            return true;
        }
        // getServerName() is the Host header's name, or the absolute request URI's (which wins in HTTP/1.1).
        String name = request.getServerName();
        if (name == null) {
            return false;
        }
        name = name.toLowerCase(Locale.ROOT);
        if (name.endsWith(".") && name.length() > 1 && !name.startsWith("[")) {
            name = name.substring(0, name.length() - 1);
        }
        return isLoopbackName(name) || allowedHosts.contains(name);
    }

    static boolean isLoopbackName(String name) {
        return name.equals("localhost") || IPV4_LOOPBACK.matcher(name).matches()
                || name.equals("[::1]") || name.equals("::1");
    }

    /**
     * Checks and lower-cases configured names: plain host names or IP literals, without scheme,
     * port or path, so that a typo fails at start instead of locking the operator out.
     */
    public static Set<String> normalizeAllowed(Set<String> names) {
        return names.stream().map(raw -> {
            if (raw == null) {
                throw new IllegalArgumentException("allowedHosts contains null; list host names such as console.example.com");
            }
            String name = raw.trim().toLowerCase(Locale.ROOT);
            if (name.endsWith(".")) {
                name = name.substring(0, name.length() - 1);
            }
            boolean ipv6 = name.startsWith("[") && name.endsWith("]") && name.substring(1, name.length() - 1)
                    .chars().allMatch(ch -> Character.digit(ch, 16) >= 0 || ch == ':' || ch == '.');
            if (!ipv6 && !HOST_NAME.matcher(name).matches()) {
                throw new IllegalArgumentException("allowedHosts entry '" + raw + "' is not a host name; list names "
                        + "without scheme, port or path, e.g. console.example.com or [2001:db8::1]");
            }
            return name;
        }).collect(Collectors.toUnmodifiableSet());
    }
}
