package io.github.sqliteconsole.web.pages;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.sqliteconsole.core.job.JobKind;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

/** Every kind's card finds its result fragment: a new kind with a new result record needs its template. */
class JobCardTest {

    @Test
    void everyKindHasAResultFragment() throws IOException {
        for (JobKind kind : JobKind.values()) {
            String template = new JobCard(kind, null, false).resultTemplate();
            try (InputStream in = JobCardTest.class.getClassLoader()
                    .getResourceAsStream("io/github/sqliteconsole/web/templates/" + template + ".html")) {
                assertThat(in).as(kind.apiName() + ": " + template + ".html").isNotNull();
                assertThat(new String(in.readAllBytes(), StandardCharsets.UTF_8)).as(template).contains("th:fragment=\"result\"");
            }
        }
    }

    @Test
    void theBackupCardSaysWhatItsButtonDoes() {
        assertThat(new JobCard(JobKind.BACKUP, null, true).runLabel()).isEqualTo("Prepare backup");
        assertThat(new JobCard(JobKind.VACUUM, null, true).runLabel()).isEqualTo("Run");
    }
}
