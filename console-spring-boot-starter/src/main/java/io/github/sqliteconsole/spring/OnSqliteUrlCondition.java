package io.github.sqliteconsole.spring;

import org.springframework.boot.autoconfigure.condition.ConditionOutcome;
import org.springframework.boot.autoconfigure.condition.SpringBootCondition;
import org.springframework.context.annotation.ConditionContext;
import org.springframework.core.type.AnnotatedTypeMetadata;

/**
 * Off, quietly, when {@code spring.datasource.url} names another database: an app on PostgreSQL
 * that happens to have the starter on its classpath is not broken by it. Without that property
 * (the app builds its DataSource itself) the console checks the DataSource's own URL at startup.
 */
class OnSqliteUrlCondition extends SpringBootCondition {

    @Override
    public ConditionOutcome getMatchOutcome(ConditionContext context, AnnotatedTypeMetadata metadata) {
        String url = context.getEnvironment().getProperty("spring.datasource.url");
        if (url == null) {
            return ConditionOutcome.match("spring.datasource.url is not set; the DataSource is checked at startup");
        }
        return url.startsWith(SqliteDataSource.URL_PREFIX)
                ? ConditionOutcome.match("spring.datasource.url is an SQLite URL")
                : ConditionOutcome.noMatch("spring.datasource.url is not an SQLite URL");
    }
}
