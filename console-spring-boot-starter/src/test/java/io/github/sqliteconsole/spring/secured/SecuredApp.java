package io.github.sqliteconsole.spring.secured;

import org.springframework.boot.SpringBootConfiguration;
import org.springframework.boot.autoconfigure.EnableAutoConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.security.config.Customizer;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.core.userdetails.User;
import org.springframework.security.provisioning.InMemoryUserDetailsManager;
import org.springframework.security.web.SecurityFilterChain;

/**
 * A typical secured app: form login for everything, Spring's CSRF protection on, and not a word
 * about the console (no exemption, no matcher for its path).
 */
@SpringBootConfiguration
@EnableAutoConfiguration
public class SecuredApp {

    @Bean
    SecurityFilterChain appSecurity(HttpSecurity http) throws Exception {
        return http.authorizeHttpRequests(requests -> requests.anyRequest().authenticated())
                .formLogin(Customizer.withDefaults())
                .build();
    }

    @Bean
    InMemoryUserDetailsManager users() {
        return new InMemoryUserDetailsManager(
                User.withUsername("olivia").password("{noop}operator-secret").roles("ADMIN").build(),
                User.withUsername("victor").password("{noop}viewer-secret").roles("USER").build(),
                User.withUsername("nobody").password("{noop}nobody-secret").roles("GUEST").build());
    }
}
