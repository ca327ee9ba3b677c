package io.github.sqliteconsole.core.backup;

import io.github.sqliteconsole.core.sql.PrivateFiles;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.BasicFileAttributes;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;

/**
 * One directory of stored backups: {@code <db>-<stamp>.db[.gz]} each with its {@code .json}
 * manifest. Everything is written under a temporary name that only the console uses, fsynced,
 * renamed into place and the directory fsynced; the manifest comes last, so a backup cut short by
 * a crash is never listed as one, and its leftovers are removed at the next start.
 *
 * <p>Listing reads manifests and compares sizes only; the SHA-256 is computed on restore, drill
 * and explicit verify, and remembered per (file, size, modification time).
 */
public final class BackupStore {

    /** Names the console writes while a file is not finished; nothing else starts with it. */
    static final String TEMP_PREFIX = ".tmp-sqlite-console-";
    static final String MANIFEST_SUFFIX = ".json";
    private static final int BUFFER = 64 * 1024;

    private final Path directory;
    private final Map<Path, Hashed> verified = new ConcurrentHashMap<>();
    /**
     * Backup files this process renamed into place whose manifest it is still writing: for that
     * moment they are not listed at all, rather than as "damaged: no manifest".
     */
    private final Set<String> arriving = ConcurrentHashMap.newKeySet();

    private record Hashed(long size, long modified, String sha256) {
    }

    private BackupStore(Path directory) {
        this.directory = directory;
    }

    /**
     * Opens (creating it as 0700) the store at {@code directory}, refusing one that other users can
     * write, and removes the console's own temp leftovers in it.
     *
     * @param purpose the option that named it, for messages ("backupStore", "backupCopies")
     */
    public static BackupStore open(Path directory, String purpose) throws IOException {
        BackupStore store = new BackupStore(PrivateFiles.requirePrivateDirectory(directory, purpose));
        store.removeLeftovers();
        return store;
    }

    public Path directory() {
        return directory;
    }

    /** Deletes the files a crash left under the console's temp prefix (and nothing else); returns how many. */
    public int removeLeftovers() throws IOException {
        int removed = 0;
        try (DirectoryStream<Path> files = Files.newDirectoryStream(directory, TEMP_PREFIX + "*")) {
            for (Path file : files) {
                if (Files.isRegularFile(file, LinkOption.NOFOLLOW_LINKS) && Files.deleteIfExists(file)) {
                    removed++;
                }
            }
        }
        return removed;
    }

    /** Every backup and every manifest without its backup, newest first; damaged ones say why. */
    public List<StoredBackup> list() throws IOException {
        Map<String, Path> backups = new TreeMap<>();
        Map<String, Path> manifests = new TreeMap<>();
        try (DirectoryStream<Path> files = Files.newDirectoryStream(directory)) {
            for (Path file : files) {
                String name = file.getFileName().toString();
                if (name.startsWith(TEMP_PREFIX) || name.startsWith(".")) {
                    continue;
                }
                if (name.endsWith(MANIFEST_SUFFIX)) {
                    String backupName = name.substring(0, name.length() - MANIFEST_SUFFIX.length());
                    if (idOf(backupName).isPresent()) {
                        manifests.put(backupName, file);
                    }
                } else if (idOf(name).isPresent() && !arriving.contains(name)) {
                    backups.put(name, file);
                }
            }
        }
        List<StoredBackup> listed = new ArrayList<>();
        for (Map.Entry<String, Path> backup : backups.entrySet()) {
            listed.add(describe(backup.getKey(), backup.getValue(), manifests.remove(backup.getKey())));
        }
        for (Map.Entry<String, Path> orphan : manifests.entrySet()) {
            BackupManifest manifest = readManifest(orphan.getValue()).manifest();
            listed.add(new StoredBackup(idOf(orphan.getKey()).orElseThrow(), directory.resolve(orphan.getKey()), manifest,
                    "the backup file " + orphan.getKey() + " is missing; only its manifest is left"));
        }
        listed.sort(Comparator.comparing((StoredBackup b) -> b.manifest() == null ? null : b.manifest().createdAt(),
                Comparator.nullsLast(Comparator.reverseOrder())).thenComparing(StoredBackup::id, Comparator.reverseOrder()));
        return List.copyOf(listed);
    }

    /** The backup with {@code id}, damaged or not. */
    public Optional<StoredBackup> find(String id) throws IOException {
        return list().stream().filter(backup -> backup.id().equals(id)).findFirst();
    }

    /**
     * Hashes the backup file and compares it with its manifest; returns the backup, marked damaged
     * when it does not match. Stops (IOException) when {@code cancelled} says so.
     */
    public StoredBackup verify(StoredBackup backup, BooleanSupplier cancelled) throws IOException {
        if (backup.damaged()) {
            return backup;
        }
        String actual = sha256(backup.file(), cancelled);
        if (!actual.equals(backup.manifest().sha256())) {
            return new StoredBackup(backup.id(), backup.file(), backup.manifest(), shaMismatch(backup.file(), actual,
                    backup.manifest().sha256()));
        }
        return backup;
    }

    /**
     * SHA-256 of {@code file} in hex, always read from the disk (a restore must not trust a memory
     * of the file), and remembered so that listing shows a mismatch found here.
     */
    String sha256(Path file, BooleanSupplier cancelled) throws IOException {
        String sha256 = hashFile(file, cancelled);
        remember(file, sha256);
        return sha256;
    }

    /** Records that {@code file}, as it is now, has {@code sha256} (the console just wrote it). */
    void remember(Path file, String sha256) throws IOException {
        BasicFileAttributes attributes = Files.readAttributes(file, BasicFileAttributes.class);
        verified.put(file, new Hashed(attributes.size(), attributes.lastModifiedTime().to(TimeUnit.NANOSECONDS), sha256));
    }

    /** A new, empty 0600 file under the temp prefix, for {@code purpose} (part of its name). */
    Path createTemp(String purpose) throws IOException {
        return PrivateFiles.createPrivateFile(directory.resolve(TEMP_PREFIX + UUID.randomUUID() + "-" + purpose));
    }

    /** Fsyncs {@code temp}, renames it to {@code name} in the store and fsyncs the directory. */
    Path moveIntoPlace(Path temp, String name) throws IOException {
        PrivateFiles.fsync(temp);
        Path target = directory.resolve(name);
        try {
            Files.move(temp, target, StandardCopyOption.ATOMIC_MOVE);
        } catch (AtomicMoveNotSupportedException e) {
            throw new IOException("cannot rename " + temp.getFileName() + " to " + name + " atomically in " + directory
                    + "; put the backup store on a local file system", e);
        }
        PrivateFiles.fsyncDirectory(directory);
        return target;
    }

    /** {@code fileName} is about to be renamed into place, its manifest follows: hide it from listings until {@link #settled}. */
    void arriving(String fileName) {
        arriving.add(fileName);
    }

    /** The backup {@code fileName} has its manifest now, or was given up: list it as it is. */
    void settled(String fileName) {
        arriving.remove(fileName);
    }

    /** Writes (or replaces) the manifest of the backup named {@code manifest.file()}: temp, fsync, rename. */
    void writeManifest(BackupManifest manifest) throws IOException {
        Path temp = createTemp(manifest.file() + MANIFEST_SUFFIX);
        try {
            Files.write(temp, manifest.toJson().getBytes(StandardCharsets.UTF_8));
            moveIntoPlace(temp, manifest.file() + MANIFEST_SUFFIX);
        } finally {
            Files.deleteIfExists(temp);
        }
    }

    /**
     * Deletes a backup the console wrote: the file its manifest names and the manifest, nothing
     * else. The backup file goes first, so a crash in between leaves a manifest listed as damaged,
     * never a backup that looks whole.
     */
    void delete(StoredBackup backup) throws IOException {
        if (backup.manifest() == null) {
            throw new IOException("refusing to delete " + backup.file() + ": it has no manifest, so the console "
                    + "cannot tell that it wrote it; delete it by hand if it is not needed");
        }
        Path file = directory.resolve(backup.manifest().file());
        if (!file.getParent().equals(directory) || idOf(backup.manifest().file()).isEmpty()) {
            throw new IOException("refusing to delete " + backup.manifest().file() + " named by the manifest of "
                    + backup.id() + ": not a backup file name in " + directory);
        }
        Files.deleteIfExists(file);
        verified.remove(file);
        Files.deleteIfExists(directory.resolve(backup.manifest().file() + MANIFEST_SUFFIX));
        PrivateFiles.fsyncDirectory(directory);
    }

    private StoredBackup describe(String name, Path file, Path manifestFile) throws IOException {
        String id = idOf(name).orElseThrow();
        if (manifestFile == null) {
            return new StoredBackup(id, file, null, "no manifest: the backup was not finished, or its " + name
                    + MANIFEST_SUFFIX + " was deleted; it is not offered for restore");
        }
        ReadManifest read = readManifest(manifestFile);
        if (read.manifest() == null) {
            return new StoredBackup(id, file, null, read.problem());
        }
        BackupManifest manifest = read.manifest();
        if (!manifest.file().equals(name)) {
            return new StoredBackup(id, file, manifest, "its manifest names " + manifest.file() + ", not " + name);
        }
        BasicFileAttributes attributes;
        try {
            attributes = Files.readAttributes(file, BasicFileAttributes.class);
        } catch (NoSuchFileException e) {
            return new StoredBackup(id, file, manifest, "the backup file " + name + " disappeared while listing");
        }
        if (attributes.size() != manifest.bytes()) {
            return new StoredBackup(id, file, manifest, name + " is " + attributes.size() + " bytes, its manifest says "
                    + manifest.bytes() + ": the file was changed or cut short after it was taken");
        }
        Hashed known = verified.get(file);
        if (known != null && known.size() == attributes.size()
                && known.modified() == attributes.lastModifiedTime().to(TimeUnit.NANOSECONDS)
                && !known.sha256().equals(manifest.sha256())) {
            return new StoredBackup(id, file, manifest, shaMismatch(file, known.sha256(), manifest.sha256()));
        }
        return new StoredBackup(id, file, manifest, null);
    }

    private record ReadManifest(BackupManifest manifest, String problem) {
    }

    private static ReadManifest readManifest(Path manifestFile) {
        try {
            return new ReadManifest(BackupManifest.fromJson(Files.readString(manifestFile, StandardCharsets.UTF_8)), null);
        } catch (IOException | IllegalArgumentException e) {
            return new ReadManifest(null, "its manifest " + manifestFile.getFileName() + " cannot be read: " + e.getMessage());
        }
    }

    private static String shaMismatch(Path file, String actual, String expected) {
        return "the SHA-256 of " + file.getFileName() + " is " + actual + ", its manifest says " + expected
                + ": the file was altered after it was taken; it is not offered for restore";
    }

    /** The id of a backup file name ({@code x.db} or {@code x.db.gz}), empty for any other name. */
    static Optional<String> idOf(String fileName) {
        if (fileName.startsWith(".")) {
            return Optional.empty();
        }
        if (fileName.endsWith(".db.gz") && fileName.length() > ".db.gz".length()) {
            return Optional.of(fileName.substring(0, fileName.length() - ".db.gz".length()));
        }
        if (fileName.endsWith(".db") && fileName.length() > ".db".length()) {
            return Optional.of(fileName.substring(0, fileName.length() - ".db".length()));
        }
        return Optional.empty();
    }

    static String hashFile(Path file, BooleanSupplier cancelled) throws IOException {
        MessageDigest digest = sha256Digest();
        byte[] buffer = new byte[BUFFER];
        try (InputStream in = Files.newInputStream(file)) {
            for (int read = in.read(buffer); read >= 0; read = in.read(buffer)) {
                if (cancelled.getAsBoolean()) {
                    throw new IOException("hashing " + file.getFileName() + " was cancelled");
                }
                digest.update(buffer, 0, read);
            }
        }
        return HexFormat.of().formatHex(digest.digest());
    }

    static MessageDigest sha256Digest() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is required by every Java runtime", e);
        }
    }
}
