package io.github.sqliteconsole.core.schema;

/** A sort or filter named a column the table does not have; the message says which and where. */
public final class UnknownColumn extends IllegalArgumentException {

    private static final long serialVersionUID = 1L;

    UnknownColumn(String message) {
        super(message);
    }
}
