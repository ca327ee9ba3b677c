package io.github.sqliteconsole.spring.boot4;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.sqliteconsole.spring.secured.SecuredAppContract;
import org.junit.jupiter.api.Test;
import org.springframework.boot.SpringBootVersion;
import org.springframework.security.core.SpringSecurityCoreVersion;

/**
 * {@link SecuredAppContract} (form login, Spring's CSRF on, no exemption in the app) on Boot 4,
 * Spring Security 7, Tomcat 11: the starter compiled against Boot 3.5 keeps the app's login and
 * CSRF protection and maps its roles.
 */
class Boot4SecuredAppTest extends SecuredAppContract {

    @Test
    void runsOnBoot4AndSpringSecurity7() {
        assertThat(SpringBootVersion.getVersion()).startsWith("4.");
        assertThat(SpringSecurityCoreVersion.getVersion()).startsWith("7.");
    }
}
