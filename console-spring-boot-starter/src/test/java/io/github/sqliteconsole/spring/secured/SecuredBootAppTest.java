package io.github.sqliteconsole.spring.secured;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.springframework.boot.SpringBootVersion;
import org.springframework.security.core.SpringSecurityCoreVersion;

/** {@link SecuredAppContract} on Boot 3.5, Spring Security 6.5, Tomcat 10.1. */
class SecuredBootAppTest extends SecuredAppContract {

    @Test
    void runsOnBoot35AndSpringSecurity65() {
        assertThat(SpringBootVersion.getVersion()).startsWith("3.5.");
        assertThat(SpringSecurityCoreVersion.getVersion()).startsWith("6.5.");
    }
}
