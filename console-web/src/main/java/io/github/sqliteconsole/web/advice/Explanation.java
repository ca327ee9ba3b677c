package io.github.sqliteconsole.web.advice;

/** What a finding means, what to do, the statement that does it (or null) and where the guide says more. */
public interface Explanation {

    String meaning();

    String action();

    /** The statement or command to copy, or null when none fixes it. */
    String code();

    DocSection doc();
}
