package io.github.sqliteconsole.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

/** The guide's URL is checked when set: a link built on a bad one would lead nowhere, or somewhere unintended. */
class WebOptionsTest {

    @Test
    void docsUrlIsAnHttpDirectoryUrl() {
        assertThat(WebOptions.defaults().docsUrl()).isEqualTo(WebOptions.DEFAULT_DOCS_URL);
        assertThat(WebOptions.defaults().withDocsUrl("http://intranet/console/docs/").withReadOnly(true).docsUrl())
                .as("kept by the other withers").isEqualTo("http://intranet/console/docs/");
        for (String bad : new String[] {"https://intranet/console/docs", "javascript:alert(1)//", "/docs/", "https://a b/", ""}) {
            assertThatThrownBy(() -> WebOptions.defaults().withDocsUrl(bad)).as(bad)
                    .isInstanceOf(IllegalArgumentException.class)
                    .hasMessageContaining("docsUrl must be an http(s) URL of the docs directory ending with '/'");
        }
    }
}
