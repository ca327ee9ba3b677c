package io.github.sqliteconsole.core.job;

/** A start request named a parameter the kind does not take, or a value it does not allow. */
public final class InvalidJobArgument extends IllegalArgumentException {

    private static final long serialVersionUID = 1L;

    public InvalidJobArgument(JobKind kind, String name, String value, String fix) {
        super("a " + kind.apiName() + " job cannot take " + name + "=" + value + "; " + fix);
    }
}
