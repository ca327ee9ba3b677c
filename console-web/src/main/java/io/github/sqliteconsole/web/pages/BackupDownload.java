package io.github.sqliteconsole.web.pages;

import io.github.sqliteconsole.core.SqliteConsole;
import io.github.sqliteconsole.core.job.PreparedBackup;
import io.github.sqliteconsole.core.backup.Snapshot;
import io.github.sqliteconsole.core.job.JobConflict;
import io.github.sqliteconsole.core.job.JobSnapshot;
import io.github.sqliteconsole.web.routing.Exchange;
import io.github.sqliteconsole.web.routing.Handler;
import io.github.sqliteconsole.web.routing.Params;
import io.github.sqliteconsole.web.view.Views;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.lang.System.Logger.Level;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.sql.SQLException;
import java.util.Optional;
import java.util.Set;

/**
 * {@code GET /backup/download[?compress=gzip]}: a verified snapshot taken now, or with
 * {@code ?job=ID} the one a backup job prepared; streamed from disk with a
 * small buffer (memory stays flat whatever the size), its SHA-256 in {@code Repr-Digest}. The
 * temp file is deleted when the transfer ends, also when the client goes away mid-way.
 */
public final class BackupDownload implements Handler {

    private static final int BUFFER = 64 * 1024;
    private static final System.Logger LOGGER = System.getLogger(BackupDownload.class.getName());

    private final SqliteConsole console;
    private final Views views;

    public BackupDownload(SqliteConsole console, Views views) {
        this.console = console;
        this.views = views;
    }

    /** Where a backup job's prepared snapshot is fetched, relative to the mount. */
    static String preparedLink(String jobId) {
        return "backup/download?job=" + URLEncoder.encode(jobId, StandardCharsets.UTF_8);
    }

    @Override
    public void handle(Exchange exchange) throws IOException, SQLException {
        String jobId = Params.text(exchange.request(), "job");
        boolean gzip = jobId == null
                && Params.oneOf(exchange.request(), "compress", "none", Set.of("none", "gzip")).equals("gzip");
        if (exchange.request().getMethod().equals("HEAD")) {
            answerHead(exchange, jobId, gzip);
            return;
        }
        if (jobId != null) {
            sendPrepared(exchange, jobId);
            return;
        }
        Snapshot snapshot;
        try {
            snapshot = console.backups().take(gzip);
        } catch (JobConflict e) {
            Responses.error(exchange, views, HttpServletResponse.SC_CONFLICT,
                    "Another backup is being taken or downloaded right now; try again when it has finished.");
            return;
        } catch (IOException e) {
            Responses.error(exchange, views, HttpServletResponse.SC_SERVICE_UNAVAILABLE, "No backup: " + e.getMessage());
            return;
        }
        send(exchange, snapshot);
    }

    /**
     * HEAD: the status and type a GET would answer, without taking a snapshot (a HEAD must have no
     * side effect, and a snapshot copies the whole database and holds the backup slot). Length and
     * digest are those of a copy not yet taken, so they are left out.
     */
    private void answerHead(Exchange exchange, String jobId, boolean gzip) throws IOException {
        if (jobId != null && preparedOf(jobId).isEmpty()) {
            Responses.error(exchange, views, HttpServletResponse.SC_NOT_FOUND,
                    "There is no finished backup job with that id; prepare a backup on the Backup page.");
            return;
        }
        HttpServletResponse response = exchange.response();
        response.setStatus(HttpServletResponse.SC_OK);
        response.setContentType(gzip ? "application/gzip" : "application/vnd.sqlite3");
        response.setHeader("Content-Disposition", "attachment");
    }

    private Optional<PreparedBackup> preparedOf(String jobId) {
        return console.jobs().get(jobId)
                .map(JobSnapshot::result).filter(PreparedBackup.class::isInstance).map(PreparedBackup.class::cast);
    }

    /** {@code ?job=ID}: the snapshot a backup job prepared, once. The id only selects; it is never a path. */
    private void sendPrepared(Exchange exchange, String jobId) throws IOException {
        Optional<PreparedBackup> prepared = preparedOf(jobId);
        if (prepared.isEmpty()) {
            Responses.error(exchange, views, HttpServletResponse.SC_NOT_FOUND,
                    "There is no finished backup job with that id; prepare a backup on the Backup page.");
            return;
        }
        Optional<Snapshot> snapshot = console.backups().takePrepared(prepared.get().key());
        if (snapshot.isEmpty()) {
            Responses.error(exchange, views, HttpServletResponse.SC_GONE, "This backup was already downloaded or has expired"
                    + " (a prepared backup waits " + PreparedBackup.KEPT.toMinutes()
                    + " minutes for one download); prepare a new one.");
            return;
        }
        send(exchange, snapshot.get());
    }

    private static void send(Exchange exchange, Snapshot snapshot) throws IOException {
        try (snapshot) {
            HttpServletResponse response = exchange.response();
            response.setStatus(HttpServletResponse.SC_OK);
            response.setContentType(snapshot.gzip() ? "application/gzip" : "application/vnd.sqlite3");
            response.setContentLengthLong(snapshot.bytes());
            response.setHeader("Content-Disposition", "attachment; filename=\"" + snapshot.downloadName() + "\"");
            response.setHeader("Repr-Digest", "sha-256=:" + snapshot.sha256Base64() + ":");
            response.setHeader("X-Content-Type-Options", "nosniff");
            try (InputStream in = Files.newInputStream(snapshot.file())) {
                OutputStream out = response.getOutputStream();
                byte[] buffer = new byte[BUFFER];
                for (int read = in.read(buffer); read >= 0; read = in.read(buffer)) {
                    out.write(buffer, 0, read);
                }
                out.flush();
            } catch (IOException e) {
                // The client went away: nothing to answer; the snapshot is deleted on the way out.
                LOGGER.log(Level.INFO, "backup download ended early: " + e.getMessage());
            }
        }
    }
}
