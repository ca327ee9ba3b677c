package io.github.sqliteconsole.web.advice;

/**
 * What a finding means, what to do, the statement that does it, and where the guide says more.
 *
 * @param code the statement or command to copy, or null when none fixes it (or the finding brings its own)
 */
public record Explanation(String meaning, String action, String code, DocSection doc) {
}
