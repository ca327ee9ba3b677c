package io.github.sqliteconsole.web.pages;

import io.github.sqliteconsole.core.health.DatabaseFileFacts;
import io.github.sqliteconsole.core.health.DatabaseInfo;
import io.github.sqliteconsole.core.health.HealthCheckResult;
import io.github.sqliteconsole.core.health.HealthReport;
import io.github.sqliteconsole.core.health.LastChecks;
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
        json.put("lastChecks", lastChecks(report.lastChecks()));
        return json;
    }

    /** What the last check jobs found; each null until one of its kind succeeded since the console started. */
    private static Map<String, Object> lastChecks(LastChecks last) {
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("integrity", last.integrity() == null ? null : integrity(last.integrity()));
        json.put("foreignKeys", last.foreignKeys() == null ? null : foreignKeys(last.foreignKeys()));
        return json;
    }

    private static Map<String, Object> integrity(LastChecks.Integrity found) {
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("kind", found.kind());
        json.put("jobId", found.jobId());
        json.put("at", found.at().toString());
        json.put("ok", found.ok());
        json.put("problems", found.problems());
        json.put("truncated", found.truncated());
        json.put("firstProblem", found.firstProblem());
        return json;
    }

    private static Map<String, Object> foreignKeys(LastChecks.ForeignKeys found) {
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("jobId", found.jobId());
        json.put("at", found.at().toString());
        json.put("ok", found.ok());
        json.put("violations", found.violations());
        json.put("keys", found.keys());
        json.put("keysViolated", found.keysViolated());
        json.put("keysWithErrors", found.keysWithErrors());
        return json;
    }

    /** What a load balancer needs: the status, each check's name and status, and when they ran. */
    static Map<String, Object> summary(HealthReport report) {
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("status", report.status().name());
        json.put("checks", report.checks().stream().map(check -> {
            Map<String, Object> one = new LinkedHashMap<>();
            one.put("name", check.name());
            one.put("status", check.status().name());
            return one;
        }).toList());
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
