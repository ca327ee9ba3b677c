package io.github.sqliteconsole.spring.boot4;

import org.springframework.boot.SpringBootConfiguration;
import org.springframework.boot.autoconfigure.EnableAutoConfiguration;

/** A Boot 4 app with the starter and a SQLite DataSource from properties. */
@SpringBootConfiguration
@EnableAutoConfiguration
public class Boot4App {
}
