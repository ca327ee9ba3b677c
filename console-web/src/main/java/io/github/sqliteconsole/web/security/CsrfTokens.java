package io.github.sqliteconsole.web.security;

import jakarta.servlet.http.Cookie;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.util.Base64;
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
    public static final String HEADER = "X-CSRF-Token";
    public static final String FORM_FIELD = "_csrf";

    private static final Base64.Encoder ENCODER = Base64.getUrlEncoder().withoutPadding();
    private static final int ID_BYTES = 32;

    private final SecureRandom random = new SecureRandom();
    private final byte[] key = new byte[32];

    public CsrfTokens() {
        random.nextBytes(key);
    }

    /** The token for this request's console session; starts a session (sets the cookie) if there is none. */
    public String tokenFor(HttpServletRequest request, HttpServletResponse response, String cookiePath) {
        String id = sessionId(request);
        if (id == null) {
            byte[] bytes = new byte[ID_BYTES];
            random.nextBytes(bytes);
            id = ENCODER.encodeToString(bytes);
            Cookie cookie = new Cookie(COOKIE, id);
            cookie.setHttpOnly(true);
            cookie.setSecure(request.isSecure());
            cookie.setPath(cookiePath);
            cookie.setAttribute("SameSite", "Strict");
            response.addCookie(cookie);
        }
        return sign(id);
    }

    /** True when the request carries the token of its own console session. */
    public boolean isValid(HttpServletRequest request) {
        String id = sessionId(request);
        String sent = request.getHeader(HEADER);
        if (sent == null) {
            sent = request.getParameter(FORM_FIELD);
        }
        if (id == null || sent == null) {
            return false;
        }
        return MessageDigest.isEqual(sign(id).getBytes(StandardCharsets.US_ASCII), sent.getBytes(StandardCharsets.US_ASCII));
    }

    private static String sessionId(HttpServletRequest request) {
        Cookie[] cookies = request.getCookies();
        if (cookies == null) {
            return null;
        }
        for (Cookie cookie : cookies) {
            if (COOKIE.equals(cookie.getName()) && isWellFormed(cookie.getValue())) {
                return cookie.getValue();
            }
        }
        return null;
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
