package io.github.sqliteconsole.spring.plain;

import org.springframework.boot.SpringBootConfiguration;
import org.springframework.boot.autoconfigure.EnableAutoConfiguration;

/** A Boot app with the starter, a SQLite DataSource from properties, Actuator, and nothing else of its own. */
@SpringBootConfiguration
@EnableAutoConfiguration
public class PlainApp {
}
