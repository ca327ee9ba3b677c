package io.github.sqliteconsole.core.space;

/** One index and the bytes of its b-tree. */
public record IndexSpace(String name, long bytes) {
}
