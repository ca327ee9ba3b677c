package io.github.sqliteconsole.web.pages;

import io.github.sqliteconsole.core.SqliteConsole;
import io.github.sqliteconsole.core.backup.BackupManifest;
import io.github.sqliteconsole.core.backup.ListedBackup;
import io.github.sqliteconsole.core.backup.RestoreRefused;
import io.github.sqliteconsole.core.backup.StoredBackup;
import io.github.sqliteconsole.core.backup.StoredBackups;
import io.github.sqliteconsole.web.routing.Exchange;
import io.github.sqliteconsole.web.routing.Handler;
import io.github.sqliteconsole.web.view.Views;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.lang.System.Logger.Level;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.SQLException;
import java.util.Base64;
import java.util.HexFormat;
import java.util.Optional;

/**
 * {@code GET /backups/{id}/download}: one stored backup as it lies in the store, hashed first (a
 * damaged file is refused, never handed out as a backup), streamed with a small buffer, its
 * SHA-256 in {@code Repr-Digest}. HEAD answers the same headers from the manifest without reading
 * the file. The id only selects among the listed backups; it is never a path and never echoed.
 */
public final class StoredBackupDownload implements Handler {

    private static final int BUFFER = 64 * 1024;
    private static final System.Logger LOGGER = System.getLogger(StoredBackupDownload.class.getName());

    private final SqliteConsole console;
    private final Views views;

    public StoredBackupDownload(SqliteConsole console, Views views) {
        this.console = console;
        this.views = views;
    }

    @Override
    public void handle(Exchange exchange) throws IOException, SQLException {
        Optional<StoredBackups> stored;
        Optional<StoredBackup> listed;
        try {
            stored = console.backups().stored();
            listed = stored.isEmpty() ? Optional.empty() : find(stored.get(), exchange.pathParams().get("id"));
        } catch (IOException e) {
            Responses.error(exchange, views, HttpServletResponse.SC_SERVICE_UNAVAILABLE,
                    "Stored backups cannot be used: " + e.getMessage());
            return;
        }
        if (listed.isEmpty()) {
            Responses.error(exchange, views, HttpServletResponse.SC_NOT_FOUND,
                    "There is no stored backup with that id; pick one on the Backup page.");
            return;
        }
        StoredBackup backup = listed.get();
        if (backup.damaged()) {
            refuse(exchange, "this backup is damaged and not handed out: " + backup.damage());
            return;
        }
        if (exchange.request().getMethod().equals("HEAD")) {
            headers(exchange.response(), backup.manifest(), backup.file());
            return;
        }
        try {
            send(exchange.response(), backup.manifest(), stored.get().downloadable(backup.id()));
        } catch (RestoreRefused e) {
            // The id is one the store listed, so its message repeats no request input.
            refuse(exchange, e.getMessage());
        } catch (IOException e) {
            Responses.error(exchange, views, HttpServletResponse.SC_SERVICE_UNAVAILABLE,
                    "The stored backup could not be read: " + e.getMessage());
        }
    }

    private static Optional<StoredBackup> find(StoredBackups stored, String id) throws IOException {
        return stored.list().stream().map(ListedBackup::backup).filter(backup -> backup.id().equals(id)).findFirst();
    }

    private void refuse(Exchange exchange, String why) throws IOException {
        Responses.error(exchange, views, HttpServletResponse.SC_CONFLICT,
                "Refused: " + why + ". Download another backup from the Backup page.");
    }

    private static void headers(HttpServletResponse response, BackupManifest manifest, Path file) {
        response.setStatus(HttpServletResponse.SC_OK);
        response.setContentType(manifest.compressed() ? "application/gzip" : "application/vnd.sqlite3");
        response.setContentLengthLong(manifest.bytes());
        response.setHeader("Content-Disposition", "attachment; filename=\"" + safeName(file) + "\"");
        response.setHeader("Repr-Digest", reprDigest(manifest.sha256()));
        response.setHeader("X-Content-Type-Options", "nosniff");
    }

    /** RFC 9530's form of a SHA-256 the manifest keeps in hex: the digest's bytes in base64 between colons. */
    static String reprDigest(String sha256Hex) {
        return "sha-256=:" + Base64.getEncoder().encodeToString(HexFormat.of().parseHex(sha256Hex)) + ":";
    }

    /** The file's name for Content-Disposition: characters a quoted header value cannot carry safely become '_'. */
    private static String safeName(Path file) {
        return file.getFileName().toString().replaceAll("[^A-Za-z0-9._-]", "_");
    }

    private static void send(HttpServletResponse response, BackupManifest manifest, Path file) throws IOException {
        try (InputStream in = Files.newInputStream(file)) {
            headers(response, manifest, file);
            OutputStream out = response.getOutputStream();
            byte[] buffer = new byte[BUFFER];
            try {
                for (int read = in.read(buffer); read >= 0; read = in.read(buffer)) {
                    out.write(buffer, 0, read);
                }
                out.flush();
            } catch (IOException e) {
                // The client went away: nothing to answer, and the stored backup stays as it is.
                LOGGER.log(Level.INFO, "stored backup download ended early: " + e.getMessage());
            }
        }
    }
}
