package io.github.sqliteconsole.web.security;

import jakarta.servlet.http.Cookie;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * CSRF tokens bound to a browser session of the console, without server-side state and without
 * touching the host's {@code HttpSession}.
 *
 * <p>The console sets its own cookie ({@code HttpOnly; SameSite=Strict}) holding a random session
 * id; the token a page carries is an HMAC of that id under a key that lives only in this servlet's
 * memory. A POST must send the token that matches its own cookie, so a token taken from another
 * session, or forged by a site that cannot read the page, is refused.
 */
public final class CsrfTokens {

    public static final String COOKIE = "sqlite-console-session";
    /**
     * The cookie's name over HTTPS: a {@code __Host-} cookie can only be set by this host over
     * HTTPS with {@code Path=/}, so a sibling subdomain or a plain-HTTP attacker cannot toss one in.
     */
    public static final String SECURE_COOKIE = "__Host-" + COOKIE;
    /**
     * The console's own header. Not {@code X-CSRF-Token}: header names ignore case, so that one is
     * Spring Security's {@code X-CSRF-TOKEN}, and a page behind Spring must send both tokens.
     */
    public static final String HEADER = "X-Console-CSRF-Token";
    /** The console's own form field; not {@code _csrf}, which Spring Security reads for its token. */
    public static final String FORM_FIELD = "_console_csrf";
    /** Still accepted when the console's own header or field is absent: the first release's names. */
    public static final String LEGACY_HEADER = "X-CSRF-Token";
    public static final String LEGACY_FORM_FIELD = "_csrf";

    private static final Base64.Encoder ENCODER = Base64.getUrlEncoder().withoutPadding();
    private static final int ID_BYTES = 32;

    private final SecureRandom random = new SecureRandom();
    private final byte[] key = new byte[32];

    public CsrfTokens() {
        random.nextBytes(key);
    }

    /** The token for this request's console session; starts a session (sets the cookie) if there is none. */
    public String tokenFor(HttpServletRequest request, HttpServletResponse response, String cookiePath) {
        String cookieName = request.isSecure() ? SECURE_COOKIE : COOKIE;
        List<String> ids = sessionIds(request, cookieName);
        if (!ids.isEmpty()) {
            return sign(ids.get(0));
        }
        byte[] bytes = new byte[ID_BYTES];
        random.nextBytes(bytes);
        String id = ENCODER.encodeToString(bytes);
        Cookie cookie = new Cookie(cookieName, id);
        cookie.setHttpOnly(true);
        cookie.setSecure(request.isSecure());
        cookie.setPath(request.isSecure() ? "/" : cookiePath);
        cookie.setAttribute("SameSite", "Strict");
        response.addCookie(cookie);
        return sign(id);
    }

    /**
     * True when the request carries the token of one of its console cookies. A browser may send
     * two (one tossed in by a sibling subdomain, one of ours); the order is not ours to choose,
     * so any console cookie whose token matches counts.
     */
    public boolean isValid(HttpServletRequest request) {
        String sent = firstPresent(request.getHeader(HEADER), request.getHeader(LEGACY_HEADER));
        if (sent == null) {
            // Only a form body reaches here: a token in the URL is refused before this check.
            sent = firstPresent(request.getParameter(FORM_FIELD), request.getParameter(LEGACY_FORM_FIELD));
        }
        if (sent == null) {
            return false;
        }
        byte[] sentBytes = sent.getBytes(StandardCharsets.US_ASCII);
        boolean valid = false;
        for (String id : sessionIds(request, COOKIE, SECURE_COOKIE)) {
            valid |= MessageDigest.isEqual(sign(id).getBytes(StandardCharsets.US_ASCII), sentBytes);
        }
        return valid;
    }

    private static String firstPresent(String first, String second) {
        return first != null ? first : second;
    }

    /** True when the query string carries the token: URLs end up in access logs and browser history. */
    public static boolean isInQueryString(HttpServletRequest request) {
        String query = request.getQueryString();
        if (query == null) {
            return false;
        }
        for (String pair : query.split("&")) {
            String name = pair.split("=", 2)[0].replace("%5F", "_").replace("%5f", "_");
            if (name.equalsIgnoreCase(FORM_FIELD) || name.equalsIgnoreCase(LEGACY_FORM_FIELD)) {
                return true;
            }
        }
        return false;
    }

    private static List<String> sessionIds(HttpServletRequest request, String... names) {
        Cookie[] cookies = request.getCookies();
        List<String> ids = new ArrayList<>();
        if (cookies == null) {
            return ids;
        }
        for (Cookie cookie : cookies) {
            if (List.of(names).contains(cookie.getName()) && isWellFormed(cookie.getValue())) {
                ids.add(cookie.getValue());
            }
        }
        return ids;
    }

    private static boolean isWellFormed(String id) {
        return id != null && id.length() == 43 && id.chars().allMatch(ch ->
                Character.isLetterOrDigit(ch) && ch < 128 || ch == '-' || ch == '_');
    }

    private String sign(String id) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(key, "HmacSHA256"));
            return ENCODER.encodeToString(mac.doFinal(id.getBytes(StandardCharsets.US_ASCII)));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HmacSHA256 is required by every Java runtime", e);
        }
    }
}
