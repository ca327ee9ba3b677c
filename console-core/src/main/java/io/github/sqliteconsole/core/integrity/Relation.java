package io.github.sqliteconsole.core.integrity;

import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A relationship the host configures because it was never declared as a foreign key, written
 * {@code child.column -> parent.column}, e.g. {@code orders.assigned_po_id -> purchase_orders.id}.
 */
public record Relation(String child, String childColumn, String parent, String parentColumn) {

    private static final Pattern SYNTAX = Pattern.compile("\\s*([^.\\s]+)\\.(\\S+)\\s*->\\s*([^.\\s]+)\\.(\\S+)\\s*");

    public Relation {
        Objects.requireNonNull(child, "child");
        Objects.requireNonNull(childColumn, "childColumn");
        Objects.requireNonNull(parent, "parent");
        Objects.requireNonNull(parentColumn, "parentColumn");
    }

    /** Parses {@code child.column -> parent.column}; a malformed text is rejected with the expected form. */
    public static Relation parse(String text) {
        Matcher matcher = SYNTAX.matcher(Objects.requireNonNull(text, "relation"));
        if (!matcher.matches()) {
            throw new IllegalArgumentException("relation '" + text + "' is not of the form child.column -> parent.column, "
                    + "e.g. orders.assigned_po_id -> purchase_orders.id");
        }
        return new Relation(matcher.group(1), matcher.group(2), matcher.group(3), matcher.group(4));
    }

    @Override
    public String toString() {
        return child + "." + childColumn + " -> " + parent + "." + parentColumn;
    }

    /** Candidate parent tables for a column {@code <stem>_id}: stem, stems, stemes, stem(y→ies). */
    static List<String> parentCandidates(String stem) {
        String lower = stem.toLowerCase(Locale.ROOT);
        // English plurals: category → categories but journey → journeys; box → boxes but app → apps.
        if (lower.matches(".*[^aeiou]y")) {
            return List.of(lower, lower.substring(0, lower.length() - 1) + "ies");
        }
        if (lower.matches(".*(s|x|z|ch|sh)")) {
            return List.of(lower, lower + "es");
        }
        return List.of(lower, lower + "s");
    }
}
