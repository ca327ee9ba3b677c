package io.github.sqliteconsole.web.security;

import jakarta.servlet.http.HttpServletRequest;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads a request's parameters once, up front, inside limits: the console's own forms carry a
 * token and a few short fields, so a bigger body, a flood of fields or a charset the console does
 * not speak is the client's mistake (413/400), never a container exception that ends as a 500.
 */
public final class FormLimits {

    /** Far above any form the console sends (a token and a few names). */
    public static final long MAX_BODY_BYTES = 64 * 1024;
    /** Far above the number of parameters any console route reads. */
    public static final int MAX_FIELDS = 100;

    private static final Pattern CHARSET = Pattern.compile(";\\s*charset\\s*=\\s*\"?([^\";\\s]*)", Pattern.CASE_INSENSITIVE);
    private static final Set<String> CHARSETS = Set.of("utf-8", "utf8", "us-ascii");

    /** Why the request's parameters cannot be read, with the status to answer. */
    public record Problem(int status, String message) {
    }

    private FormLimits() {
    }

    /** The problem with this request's parameters, or null when they were read within the limits. */
    public static Problem check(HttpServletRequest request) {
        if (request.getContentLengthLong() > MAX_BODY_BYTES) {
            return new Problem(413, "The request body is larger than the console accepts ("
                    + MAX_BODY_BYTES / 1024 + " KiB); its forms are small, so reload the page and retry.");
        }
        // The raw header: the container's getContentType() throws on a charset it does not know.
        String contentType = request.getHeader("Content-Type");
        if (contentType != null) {
            Matcher charset = CHARSET.matcher(contentType);
            if (charset.find() && !CHARSETS.contains(charset.group(1).toLowerCase(Locale.ROOT))) {
                return new Problem(400, "The request's form is in a character set the console does not read; "
                        + "send it as UTF-8.");
            }
        }
        int fields;
        try {
            fields = request.getParameterMap().size();
        } catch (RuntimeException e) {
            // The container refused the parameters (too large, too many, malformed %-escapes).
            return new Problem(400, "The request's parameters could not be read: too many, too large, or not "
                    + "URL-encoded UTF-8.");
        }
        if (fields > MAX_FIELDS) {
            return new Problem(400, "The request has more than " + MAX_FIELDS + " parameters; the console reads only a few.");
        }
        return null;
    }
}
