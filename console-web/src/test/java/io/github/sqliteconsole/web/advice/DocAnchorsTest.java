package io.github.sqliteconsole.web.advice;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * Every section of the guide the console links to exists in {@code docs/*.md}, and so does every
 * section the guide's pages link to each other: a renamed heading or a typo in an anchor fails here.
 */
class DocAnchorsTest {

    /** The module's tests run in its directory; the guide is beside the modules. */
    private static final Path DOCS = Path.of(System.getProperty("user.dir")).resolveSibling("docs");
    private static final Pattern HEADING = Pattern.compile("^#{1,6}\\s+(.*?)\\s*#*\\s*$");
    private static final Pattern LINK = Pattern.compile("\\]\\(([a-z0-9_-]+\\.md)#([^)\\s]+)\\)");

    @Test
    void everySectionTheConsoleLinksToExists() {
        for (DocSection section : DocSection.values()) {
            assertThat(anchors(section.page())).as(section + " links to " + section.path()).contains(section.anchor());
        }
    }

    @Test
    void everySectionTheGuideLinksToExists() throws IOException {
        List<String> links = new ArrayList<>();
        try (var pages = Files.list(DOCS)) {
            for (Path page : pages.filter(path -> path.toString().endsWith(".md")).toList()) {
                Matcher link = LINK.matcher(Files.readString(page));
                while (link.find()) {
                    links.add(page.getFileName() + " -> " + link.group(1) + "#" + link.group(2));
                    assertThat(anchors(link.group(1))).as(page.getFileName() + " links to " + link.group(1) + "#" + link.group(2))
                            .contains(link.group(2));
                }
            }
        }
        assertThat(links).as("the check sees the guide's links").contains("health.md -> integrity.md#when-a-check-finds-damage");
    }

    /** The anchors are GitHub's: a typo, another case or a dropped underscore is not the same anchor. */
    @Test
    void anchorsAreGitHubSlugs() {
        assertThat(slug("Backup (`/admin/backup`, OPERATOR)")).isEqualTo("backup-adminbackup-operator");
        assertThat(slug("The foreign-key check equals SQLite's, faster")).isEqualTo("the-foreign-key-check-equals-sqlites-faster");
        assertThat(anchors("health.md")).contains("journal_mode").doesNotContain("journal-mode", "journal_modes", "Journal_mode");
        assertThat(anchors("maintenance.md")).contains("vacuum", "incremental-vacuum").doesNotContain("vacum");
    }

    private static final Map<String, Set<String>> ANCHORS = new HashMap<>();

    /** The anchors GitHub gives the headings of {@code page} (outside code blocks), with -1, -2 for repeats. */
    static Set<String> anchors(String page) {
        return ANCHORS.computeIfAbsent(page, name -> {
            Path file = DOCS.resolve(name);
            assertThat(file).as("docs page " + name).isRegularFile();
            Set<String> found = new LinkedHashSet<>();
            Map<String, Integer> seen = new HashMap<>();
            boolean inCode = false;
            try {
                for (String line : Files.readAllLines(file)) {
                    if (line.startsWith("```")) {
                        inCode = !inCode;
                        continue;
                    }
                    Matcher heading = HEADING.matcher(line);
                    if (!inCode && heading.matches()) {
                        String slug = slug(heading.group(1));
                        int repeat = seen.merge(slug, 1, Integer::sum) - 1;
                        found.add(repeat == 0 ? slug : slug + "-" + repeat);
                    }
                }
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
            return found;
        });
    }

    /** GitHub's heading slug: lower case, every character but letters, digits, spaces, - and _ dropped, spaces as -. */
    static String slug(String heading) {
        StringBuilder slug = new StringBuilder();
        heading.toLowerCase(Locale.ROOT).codePoints().forEach(ch -> {
            if (Character.isLetterOrDigit(ch) || ch == '-' || ch == '_') {
                slug.appendCodePoint(ch);
            } else if (ch == ' ') {
                slug.append('-');
            }
        });
        return slug.toString();
    }
}
