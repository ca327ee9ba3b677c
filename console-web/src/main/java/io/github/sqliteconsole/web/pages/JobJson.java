package io.github.sqliteconsole.web.pages;

import io.github.sqliteconsole.core.job.PreparedBackup;
import io.github.sqliteconsole.core.job.RestoreReport;
import io.github.sqliteconsole.core.job.StoredBackupReport;
import io.github.sqliteconsole.core.job.ForeignKeyResult;
import io.github.sqliteconsole.core.job.IntegrityReport;
import io.github.sqliteconsole.core.job.OrphanResult;
import io.github.sqliteconsole.core.job.JobSnapshot;
import io.github.sqliteconsole.core.job.JobResult;
import io.github.sqliteconsole.core.job.OrphanReport;
import io.github.sqliteconsole.core.job.DrillReport;
import io.github.sqliteconsole.core.job.ForeignKeyReport;
import io.github.sqliteconsole.core.job.MaintenanceResult;
import java.util.LinkedHashMap;
import java.util.Map;

/** The job document of DESIGN.md's contract, with each kind's result in its contract shape. */
final class JobJson {

    private JobJson() {
    }

    static Map<String, Object> of(JobSnapshot job) {
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("id", job.id());
        json.put("kind", job.kind());
        json.put("state", job.state().name());
        json.put("progress", job.progress());
        json.put("message", job.message());
        json.put("startedAt", job.startedAt().toString());
        json.put("endedAt", job.endedAt() == null ? null : job.endedAt().toString());
        json.put("result", job.result() == null ? null : result(job.id(), job.result()));
        json.put("error", job.error());
        return json;
    }

    /** Each result in its contract shape; the visitor makes this exhaustive over the sealed {@link JobResult}. */
    private static Map<String, Object> result(String jobId, JobResult result) {
        return result.accept(new JobResult.Visitor<>() {
            @Override
            public Map<String, Object> integrity(IntegrityReport report) {
                return JobJson.integrity(report);
            }

            @Override
            public Map<String, Object> foreignKeys(ForeignKeyReport report) {
                return Map.of("foreignKeys", report.foreignKeys().stream().map(JobJson::foreignKey).toList());
            }

            @Override
            public Map<String, Object> orphans(OrphanReport report) {
                return JobJson.orphans(report);
            }

            @Override
            public Map<String, Object> maintenance(MaintenanceResult done) {
                return JobJson.maintenance(done);
            }

            @Override
            public Map<String, Object> preparedBackup(PreparedBackup prepared) {
                return backup(jobId, prepared);
            }

            @Override
            public Map<String, Object> storedBackup(StoredBackupReport report) {
                return JobJson.storedBackup(report);
            }

            @Override
            public Map<String, Object> drill(DrillReport report) {
                return JobJson.drill(report);
            }

            @Override
            public Map<String, Object> restore(RestoreReport report) {
                return JobJson.restore(report);
            }
        });
    }

    private static Map<String, Object> storedBackup(StoredBackupReport report) {
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("id", report.id());
        json.put("file", report.file());
        json.put("createdAt", report.createdAt().toString());
        json.put("bytes", report.bytes());
        json.put("sha256", report.sha256());
        json.put("compressed", report.compressed());
        json.put("deleted", report.deleted());
        json.put("copyProblems", report.copyProblems());
        return json;
    }

    private static Map<String, Object> drill(DrillReport report) {
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("backup", report.backupId());
        json.put("at", report.at().toString());
        json.put("ok", report.ok());
        json.put("detail", report.detail());
        return json;
    }

    private static Map<String, Object> restore(RestoreReport report) {
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("restoredFrom", report.restoredFrom());
        json.put("preRestoreBackup", report.preRestoreBackup());
        json.put("quickCheck", report.quickCheck());
        json.put("foreignKeyViolations", report.foreignKeyViolations());
        json.put("lockMillis", report.lockMillis());
        return json;
    }

    private static Map<String, Object> integrity(IntegrityReport report) {
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("ok", report.ok());
        json.put("errors", report.errors());
        json.put("truncated", report.truncated());
        return json;
    }

    private static Map<String, Object> maintenance(MaintenanceResult done) {
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("bytesBefore", done.bytesBefore());
        json.put("bytesAfter", done.bytesAfter());
        json.put("millis", done.millis());
        json.put("detail", done.detail());
        return json;
    }

    private static Map<String, Object> orphans(OrphanReport report) {
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("foreignKeys", report.relations().stream().filter(OrphanResult::declared).map(JobJson::declaredKey).toList());
        json.put("relations", report.relations().stream().map(JobJson::relation).toList());
        return json;
    }

    /** The prepared snapshot, and where to fetch it (relative to the mount); its key stays inside. */
    private static Map<String, Object> backup(String jobId, PreparedBackup prepared) {
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("fileName", prepared.fileName());
        json.put("bytes", prepared.bytes());
        json.put("sha256", prepared.sha256Base64());
        json.put("pageCount", prepared.pageCount());
        json.put("compressed", prepared.gzip());
        json.put("expiresAt", prepared.expiresAt().toString());
        json.put("download", BackupDownload.preparedLink(jobId));
        return json;
    }

    private static Map<String, Object> foreignKey(ForeignKeyResult key) {
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("table", key.table());
        json.put("parent", key.parent());
        json.put("columns", key.columns());
        json.put("parentColumns", key.parentColumns());
        json.put("violations", key.violations());
        json.put("error", key.error());
        json.put("sampleRowids", key.sampleRowids());
        json.put("missingIndex", key.missingIndex());
        return json;
    }

    private static Map<String, Object> declaredKey(OrphanResult relation) {
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("table", relation.child());
        json.put("parent", relation.parent());
        json.put("columns", relation.childColumns());
        json.put("parentColumns", relation.parentColumns());
        json.put("violations", relation.orphans());
        json.put("error", relation.error());
        json.put("note", relation.note());
        return json;
    }

    private static Map<String, Object> relation(OrphanResult relation) {
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("child", relation.child());
        json.put("childColumns", relation.childColumns());
        json.put("parent", relation.parent());
        json.put("parentColumns", relation.parentColumns());
        json.put("declared", relation.declared());
        json.put("origin", relation.origin());
        json.put("orphans", relation.orphans());
        json.put("sampleRowids", relation.sampleRowids());
        json.put("deleteSql", relation.deleteSql());
        json.put("setNullSql", relation.setNullSql());
        json.put("error", relation.error());
        json.put("note", relation.note());
        return json;
    }
}
