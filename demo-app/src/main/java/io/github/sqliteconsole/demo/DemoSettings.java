package io.github.sqliteconsole.demo;

import io.github.sqliteconsole.core.backup.StoredBackupOptions;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.time.format.DateTimeParseException;
import java.util.HexFormat;
import java.util.Locale;
import java.util.function.Function;

/**
 * What the demo serves and how, from its {@code -Ddemo.*} system properties. A bad value stops
 * the start with what to write instead; nothing falls back silently.
 *
 * <ul>
 *   <li>the demo's own inventory database (default): stored backups on, in {@code <its dir>/backups}
 *       or {@code -Ddemo.backups=DIR}, restore allowed;</li>
 *   <li>{@code -Ddemo.db=PATH}: someone's file, read-only (checks run, nothing writes it) unless
 *       {@code -Ddemo.writable=true}; the console's state file lives in the demo's directory, never
 *       beside it; stored backups only with {@code -Ddemo.backups=DIR}.</li>
 * </ul>
 *
 * @param database       the file served
 * @param writable       whether the host pool may write and OPERATOR actions (maintenance, restore) may run
 * @param stateFile      the console's state file; null for the demo's own database (the default beside it)
 * @param backupStore    where stored backups go; null: stored backups off
 * @param backupInterval time between stored backups; null: the console's default
 */
record DemoSettings(DemoDatabase database, boolean writable, Path stateFile, Path backupStore, Duration backupInterval) {

    static final String USER_FILE = "demo.db";
    static final String DEFAULT_FILE = "demo.defaultDb";
    static final String BACKUPS = "demo.backups";
    static final String BACKUP_INTERVAL = "demo.backupInterval";
    static final String WRITABLE = "demo.writable";

    /** Reads the settings through {@code properties}, e.g. {@code System::getProperty}. */
    static DemoSettings from(Function<String, String> properties) {
        Path demoFile = Path.of(valueOr(properties, DEFAULT_FILE,
                Path.of(System.getProperty("java.io.tmpdir"), "sqlite-console-demo", "inventory.db").toString()))
                .toAbsolutePath().normalize();
        Duration interval = interval(properties.apply(BACKUP_INTERVAL));
        boolean writable = writable(properties.apply(WRITABLE));
        String backups = properties.apply(BACKUPS);
        Path store = backups == null || backups.isBlank() ? null : Path.of(backups.trim()).toAbsolutePath().normalize();

        String userFile = properties.apply(USER_FILE);
        if (userFile == null || userFile.isBlank()) {
            Path demoStore = store != null ? store : demoFile.resolveSibling("backups");
            return new DemoSettings(new DemoDatabase(demoFile, true), true, null, demoStore, interval);
        }
        Path file = Path.of(userFile.trim()).toAbsolutePath().normalize();
        if (store == null && interval != null) {
            throw new IllegalArgumentException("-D" + BACKUP_INTERVAL + " is set, but stored backups of a -D" + USER_FILE
                    + " file are off; add -D" + BACKUPS + "=DIR to turn them on, or leave the interval out");
        }
        if (store != null && file.getParent() != null && store.equals(file.getParent())) {
            throw new IllegalArgumentException("-D" + BACKUPS + "=" + store + " is the directory of -D" + USER_FILE
                    + "; the demo writes nothing beside that file: pick another directory for its backups");
        }
        return new DemoSettings(new DemoDatabase(file, false), writable, stateFileFor(file, demoFile), store, interval);
    }

    /** Whether restoring a stored backup into the served file is allowed: the demo's own, or a writable file. */
    boolean allowRestore() {
        return writable;
    }

    /**
     * The console's state for {@code file}, kept in the demo's own directory, named after the file
     * and a hash of its path so that two files called {@code app.db} do not share one.
     */
    private static Path stateFileFor(Path file, Path demoFile) {
        String name = file.getFileName() + "-" + shortHash(file.toString()) + ".sqlite-console";
        return demoFile.resolveSibling("state").resolve(name);
    }

    private static String shortHash(String text) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(digest, 0, 4);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("this JVM has no SHA-256, which every Java SE runtime must have", e);
        }
    }

    private static Duration interval(String raw) {
        if (raw == null || raw.isBlank()) {
            return null;
        }
        Duration interval;
        try {
            interval = Duration.parse(raw.trim());
        } catch (DateTimeParseException e) {
            throw new IllegalArgumentException("-D" + BACKUP_INTERVAL + "=" + raw + " is not an ISO-8601 duration; "
                    + "write e.g. PT1H for an hour or PT15M for a quarter of an hour", e);
        }
        if (interval.compareTo(StoredBackupOptions.MINIMUM_INTERVAL) < 0) {
            throw new IllegalArgumentException("-D" + BACKUP_INTERVAL + "=" + raw + " is shorter than "
                    + StoredBackupOptions.MINIMUM_INTERVAL + ", the shortest interval between stored backups; e.g. PT1M");
        }
        return interval;
    }

    /** {@code true} or {@code false} only: a typo must not make someone's file writable. */
    private static boolean writable(String raw) {
        if (raw == null) {
            return false;
        }
        String value = raw.trim().toLowerCase(Locale.ROOT);
        if (!value.equals("true") && !value.equals("false")) {
            throw new IllegalArgumentException("-D" + WRITABLE + "=" + raw + " is neither true nor false; "
                    + "write -D" + WRITABLE + "=true to let the console write the -D" + USER_FILE + " file, or leave it out");
        }
        return value.equals("true");
    }

    private static String valueOr(Function<String, String> properties, String name, String fallback) {
        String value = properties.apply(name);
        return value == null || value.isBlank() ? fallback : value.trim();
    }
}
