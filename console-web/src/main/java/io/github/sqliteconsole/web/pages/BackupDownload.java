package io.github.sqliteconsole.web.pages;

import io.github.sqliteconsole.core.SqliteConsole;
import io.github.sqliteconsole.core.backup.Snapshot;
import io.github.sqliteconsole.core.job.JobConflict;
import io.github.sqliteconsole.web.routing.Exchange;
import io.github.sqliteconsole.web.routing.Handler;
import io.github.sqliteconsole.web.routing.Params;
import io.github.sqliteconsole.web.view.Views;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.lang.System.Logger.Level;
import java.nio.file.Files;
import java.sql.SQLException;
import java.util.Set;

/**
 * {@code GET /backup/download[?compress=gzip]}: a verified snapshot, streamed from disk with a
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

    @Override
    public void handle(Exchange exchange) throws IOException, SQLException {
        boolean gzip = Params.oneOf(exchange.request(), "compress", "none", Set.of("none", "gzip")).equals("gzip");
        Snapshot snapshot;
        try {
            snapshot = console.snapshot(gzip);
        } catch (JobConflict e) {
            Responses.error(exchange, views, HttpServletResponse.SC_CONFLICT,
                    "Another backup is being taken or downloaded; try again when it has finished.");
            return;
        } catch (IOException e) {
            Responses.error(exchange, views, HttpServletResponse.SC_SERVICE_UNAVAILABLE, "No backup: " + e.getMessage());
            return;
        }
        try (snapshot) {
            HttpServletResponse response = exchange.response();
            response.setStatus(HttpServletResponse.SC_OK);
            response.setContentType(gzip ? "application/gzip" : "application/vnd.sqlite3");
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
