package io.github.sqliteconsole.web.pages;

import io.github.sqliteconsole.core.health.DatabaseFileFacts;
import io.github.sqliteconsole.core.health.DatabaseInfo;
import io.github.sqliteconsole.core.health.HealthCheckResult;
import io.github.sqliteconsole.core.health.HealthReport;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** The {@code /api/health} document, in the shape the contract in DESIGN.md fixes. */
final class HealthJson {

    private HealthJson() {
    }

    static Map<String, Object> of(HealthReport report) {
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("status", report.status().name());
        List<Map<String, Object>> checks = report.checks().stream().map(HealthJson::check).toList();
        json.put("checks", checks);
        json.put("database", report.database().map(HealthJson::database).orElse(null));
        json.put("probeMillis", report.probeMillis());
        json.put("checkedAt", report.checkedAt().toString());
        return json;
    }

    private static Map<String, Object> check(HealthCheckResult check) {
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("name", check.name());
        json.put("status", check.status().name());
        json.put("detail", check.detail());
        return json;
    }

    private static Map<String, Object> database(DatabaseInfo info) {
        DatabaseFileFacts file = info.file();
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("path", info.path());
        json.put("fileBytes", info.fileBytes());
        json.put("walBytes", info.walBytes());
        json.put("freeDiskBytes", info.freeDiskBytes());
        json.put("readOnly", info.readOnly());
        json.put("sqliteVersion", file.sqliteVersion());
        json.put("pageSize", file.pageSize());
        json.put("pageCount", file.pageCount());
        json.put("freelistPages", file.freelistPages());
        json.put("freelistBytes", info.freelistBytes());
        json.put("journalMode", file.journalMode());
        json.put("synchronous", info.synchronous());
        json.put("foreignKeys", info.foreignKeys());
        json.put("busyTimeoutMillis", info.busyTimeoutMillis());
        json.put("autoVacuum", file.autoVacuum());
        json.put("userVersion", file.userVersion());
        json.put("tables", file.tables());
        json.put("indexes", file.indexes());
        json.put("views", file.views());
        json.put("triggers", file.triggers());
        return json;
    }
}
