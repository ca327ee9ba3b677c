package io.github.sqliteconsole.web.routing;

/** A parameter out of range or malformed: answered 400 with this message, which never repeats the input. */
public final class BadRequest extends RuntimeException {

    private static final long serialVersionUID = 1L;

    public BadRequest(String message) {
        super(message);
    }
}
