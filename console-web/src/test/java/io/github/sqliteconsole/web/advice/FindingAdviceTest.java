package io.github.sqliteconsole.web.advice;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * Templates name a finding's advice by its constant ({@code advice.finding('ORPHANS')}): each name
 * they use exists, and each constant is shown somewhere, so a typo fails here and not on a page.
 */
class FindingAdviceTest {

    private static final Path TEMPLATES = Path.of(System.getProperty("user.dir"),
            "src/main/resources/io/github/sqliteconsole/web/templates");
    private static final Pattern USE = Pattern.compile("advice\\.finding\\('([A-Z_]+)'\\)");

    @Test
    void everyFindingTheTemplatesNameExistsAndEveryFindingIsShown() throws IOException {
        Set<String> used = new HashSet<>();
        try (Stream<Path> files = Files.walk(TEMPLATES)) {
            for (Path template : files.filter(file -> file.toString().endsWith(".html")).toList()) {
                Matcher use = USE.matcher(Files.readString(template));
                while (use.find()) {
                    used.add(use.group(1));
                }
            }
        }
        assertThat(used).containsExactlyInAnyOrderElementsOf(Arrays.stream(FindingAdvice.values()).map(Enum::name).toList());
    }

    @Test
    void indexFindingsAreToldFromOtherDamage() {
        Advice advice = new Advice("https://docs.example.org/");
        assertThat(advice.mentionsIndex(List.of("row 3 missing from index purchase_order_supplier"))).isTrue();
        assertThat(advice.mentionsIndex(List.of("wrong # of entries in index purchase_order_supplier"))).isTrue();
        assertThat(advice.mentionsIndex(List.of("Page 12: btreeInitPage() returns error code 11"))).isFalse();
        assertThat(advice.href(DocSection.INDEX_DAMAGE)).isEqualTo("https://docs.example.org/integrity.md#damage-only-in-indexes");
    }
}
