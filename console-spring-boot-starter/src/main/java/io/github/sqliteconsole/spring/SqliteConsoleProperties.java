package io.github.sqliteconsole.spring;

import io.github.sqliteconsole.core.ConsoleOptions;
import io.github.sqliteconsole.web.WebOptions;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.DeprecatedConfigurationProperty;
import org.springframework.util.unit.DataSize;

/**
 * {@code sqlite.console.*}: where the console is mounted, who may use it, and every option of the
 * console itself. Defaults are the console's own.
 */
@ConfigurationProperties("sqlite.console")
public class SqliteConsoleProperties {

    /** Whether to mount the console. Adding the starter is the opt-in; set false to turn it off. */
    private boolean enabled = true;

    /** Where the console is mounted, below the servlet context path, e.g. "/admin". */
    private String path = "/admin";

    /** When true nobody can run a mutation (maintenance, restore), whatever their role. */
    private boolean readOnly = false;

    /** With Spring Security: the granted authority that makes a user an OPERATOR (runs maintenance, downloads backups). */
    private String operatorAuthority = "ROLE_SQLITE_CONSOLE_OPERATOR";

    /** With Spring Security: the granted authority that makes a user a VIEWER (reads only). */
    private String viewerAuthority = "ROLE_SQLITE_CONSOLE_VIEWER";

    /** Let anonymous clients GET {path}/api/health (for a load balancer); nothing else becomes public. */
    private boolean publicHealth = false;

    /** Host names, besides loopback names, that requests may carry in their Host header. */
    private List<String> allowedHosts = new ArrayList<>();

    /** Where the user guide's docs directory is served; every finding links to its section there. */
    private String docsUrl = WebOptions.DEFAULT_DOCS_URL;

    /** How often the overview refreshes itself; 0 turns it off. */
    private Duration refreshInterval = WebOptions.DEFAULT_REFRESH_INTERVAL;

    /** How long the console's own connections wait for a lock; short, so the console yields to the app. */
    private Duration busyTimeout = ConsoleOptions.DEFAULT_BUSY_TIMEOUT;

    /** How long the console waits for a connection from the app's pool. */
    private Duration hostBorrowTimeout = ConsoleOptions.DEFAULT_HOST_BORROW_TIMEOUT;

    /** How long a quick_check verdict is reused by the health probe. */
    private Duration quickCheckInterval = ConsoleOptions.DEFAULT_QUICK_CHECK_INTERVAL;

    /** How long the health probe lets quick_check run before stopping it. */
    private Duration quickCheckBudget = ConsoleOptions.DEFAULT_QUICK_CHECK_BUDGET;

    /** Share of the file on the freelist (0..1) above which health is DEGRADED. */
    private double freelistThreshold = ConsoleOptions.DEFAULT_FREELIST_THRESHOLD;

    /** Size of the -wal file above which health is DEGRADED. */
    private DataSize walSizeThreshold = DataSize.ofBytes(ConsoleOptions.DEFAULT_WAL_SIZE_THRESHOLD);

    /** Time a sizes page may spend on exact row counts before it estimates. */
    private Duration rowCountBudget = ConsoleOptions.DEFAULT_ROW_COUNT_BUDGET;

    /** How long a background job may run before it is stopped. */
    private Duration jobDeadline = ConsoleOptions.DEFAULT_JOB_DEADLINE;

    /** Relationships never declared as foreign keys, for the orphan scan: "child.column -> parent.column". */
    private List<String> relations = new ArrayList<>();

    /** Free disk the console always leaves to the app: VACUUM and snapshots that would eat into it are refused. */
    private DataSize diskReserve = DataSize.ofBytes(ConsoleOptions.DEFAULT_DISK_RESERVE);

    /** Where download snapshots wait for their one transfer (deleted after it); default: a directory under java.io.tmpdir. Not the stored backups: see backups.store. */
    private Path snapshotDirectory;

    /** The first release's name of snapshot-directory. */
    private Path backupDirectory;

    /** Stored backups on a schedule, with retention, copies, restore drills and restore; off until backups.store is set. */
    private final Backups backups = new Backups();

    /** The console's own state file (size history); default: "<database>.sqlite-console" beside the database. */
    private Path stateFile;

    public boolean isEnabled() {
        return enabled;
    }

    public void setEnabled(boolean enabled) {
        this.enabled = enabled;
    }

    public String getPath() {
        return path;
    }

    public void setPath(String path) {
        if (path == null || !path.startsWith("/") || path.endsWith("/") || path.contains("*")) {
            throw new IllegalArgumentException("sqlite.console.path must start with '/', not end with '/' and hold no '*',"
                    + " e.g. /admin; was " + path);
        }
        this.path = path;
    }

    public boolean isReadOnly() {
        return readOnly;
    }

    public void setReadOnly(boolean readOnly) {
        this.readOnly = readOnly;
    }

    public String getOperatorAuthority() {
        return operatorAuthority;
    }

    public void setOperatorAuthority(String operatorAuthority) {
        this.operatorAuthority = operatorAuthority;
    }

    public String getViewerAuthority() {
        return viewerAuthority;
    }

    public void setViewerAuthority(String viewerAuthority) {
        this.viewerAuthority = viewerAuthority;
    }

    public boolean isPublicHealth() {
        return publicHealth;
    }

    public void setPublicHealth(boolean publicHealth) {
        this.publicHealth = publicHealth;
    }

    public String getDocsUrl() {
        return docsUrl;
    }

    public void setDocsUrl(String docsUrl) {
        this.docsUrl = docsUrl;
    }

    public List<String> getAllowedHosts() {
        return allowedHosts;
    }

    public void setAllowedHosts(List<String> allowedHosts) {
        this.allowedHosts = allowedHosts;
    }

    public Duration getRefreshInterval() {
        return refreshInterval;
    }

    public void setRefreshInterval(Duration refreshInterval) {
        this.refreshInterval = refreshInterval;
    }

    public Duration getBusyTimeout() {
        return busyTimeout;
    }

    public void setBusyTimeout(Duration busyTimeout) {
        this.busyTimeout = busyTimeout;
    }

    public Duration getHostBorrowTimeout() {
        return hostBorrowTimeout;
    }

    public void setHostBorrowTimeout(Duration hostBorrowTimeout) {
        this.hostBorrowTimeout = hostBorrowTimeout;
    }

    public Duration getQuickCheckInterval() {
        return quickCheckInterval;
    }

    public void setQuickCheckInterval(Duration quickCheckInterval) {
        this.quickCheckInterval = quickCheckInterval;
    }

    public Duration getQuickCheckBudget() {
        return quickCheckBudget;
    }

    public void setQuickCheckBudget(Duration quickCheckBudget) {
        this.quickCheckBudget = quickCheckBudget;
    }

    public double getFreelistThreshold() {
        return freelistThreshold;
    }

    public void setFreelistThreshold(double freelistThreshold) {
        this.freelistThreshold = freelistThreshold;
    }

    public DataSize getWalSizeThreshold() {
        return walSizeThreshold;
    }

    public void setWalSizeThreshold(DataSize walSizeThreshold) {
        this.walSizeThreshold = walSizeThreshold;
    }

    public Duration getRowCountBudget() {
        return rowCountBudget;
    }

    public void setRowCountBudget(Duration rowCountBudget) {
        this.rowCountBudget = rowCountBudget;
    }

    public Duration getJobDeadline() {
        return jobDeadline;
    }

    public void setJobDeadline(Duration jobDeadline) {
        this.jobDeadline = jobDeadline;
    }

    public List<String> getRelations() {
        return relations;
    }

    public void setRelations(List<String> relations) {
        this.relations = relations;
    }

    public DataSize getDiskReserve() {
        return diskReserve;
    }

    public void setDiskReserve(DataSize diskReserve) {
        this.diskReserve = diskReserve;
    }

    public Path getSnapshotDirectory() {
        return snapshotDirectory;
    }

    public void setSnapshotDirectory(Path snapshotDirectory) {
        this.snapshotDirectory = snapshotDirectory;
    }

    /** @deprecated easy to confuse with the stored backups' directory; use {@code snapshot-directory}. */
    @Deprecated
    @DeprecatedConfigurationProperty(replacement = "sqlite.console.snapshot-directory",
            reason = "renamed: it holds download snapshots, not the stored backups (sqlite.console.backups.store)")
    public Path getBackupDirectory() {
        return backupDirectory;
    }

    /** @deprecated use {@link #setSnapshotDirectory(Path)}. */
    @Deprecated
    public void setBackupDirectory(Path backupDirectory) {
        this.backupDirectory = backupDirectory;
    }

    public Backups getBackups() {
        return backups;
    }

    public Path getStateFile() {
        return stateFile;
    }

    public void setStateFile(Path stateFile) {
        this.stateFile = stateFile;
    }

    /**
     * {@code sqlite.console.backups.*}. Every value but {@code store} is null until set, so that a
     * setting without a store can be refused instead of ignored.
     */
    public static class Backups {

        /** Directory of the stored backups (created 0700; one that other users can write is refused). Setting it turns stored backups on. */
        private Path store;

        /** Time between scheduled stored backups; default 1h, at least 10s. */
        private Duration interval;

        /** How many stored backups to keep per tier. */
        private final Retention retention = new Retention();

        /** Secondary directories (another disk, a mounted share) every verified stored backup is also copied to, its SHA-256 checked there. */
        private List<Path> copies;

        /** Time between scheduled restore drills of the newest stored backup; default 24h, at least 10s. */
        private Duration drillInterval;

        /** Whether an OPERATOR may restore a stored backup into the live database; default false. */
        private Boolean allowRestore;

        /** Whether stored backups are gzipped; default true. */
        private Boolean compression;

        public Path getStore() {
            return store;
        }

        public void setStore(Path store) {
            this.store = store;
        }

        public Duration getInterval() {
            return interval;
        }

        public void setInterval(Duration interval) {
            this.interval = interval;
        }

        public Retention getRetention() {
            return retention;
        }

        public List<Path> getCopies() {
            return copies;
        }

        public void setCopies(List<Path> copies) {
            this.copies = copies;
        }

        public Duration getDrillInterval() {
            return drillInterval;
        }

        public void setDrillInterval(Duration drillInterval) {
            this.drillInterval = drillInterval;
        }

        public Boolean getAllowRestore() {
            return allowRestore;
        }

        public void setAllowRestore(Boolean allowRestore) {
            this.allowRestore = allowRestore;
        }

        public Boolean getCompression() {
            return compression;
        }

        public void setCompression(Boolean compression) {
            this.compression = compression;
        }
    }

    /** {@code sqlite.console.backups.retention.*}: the newest backup of each of the last N hours, days, weeks, months, years is kept. */
    public static class Retention {

        /** Hourly backups to keep; default 24. */
        private Integer hourly;

        /** Daily backups to keep; default 30. */
        private Integer daily;

        /** Weekly backups to keep; default 12. */
        private Integer weekly;

        /** Monthly backups to keep; default 24. */
        private Integer monthly;

        /** Yearly backups to keep; default 10. */
        private Integer yearly;

        public Integer getHourly() {
            return hourly;
        }

        public void setHourly(Integer hourly) {
            this.hourly = hourly;
        }

        public Integer getDaily() {
            return daily;
        }

        public void setDaily(Integer daily) {
            this.daily = daily;
        }

        public Integer getWeekly() {
            return weekly;
        }

        public void setWeekly(Integer weekly) {
            this.weekly = weekly;
        }

        public Integer getMonthly() {
            return monthly;
        }

        public void setMonthly(Integer monthly) {
            this.monthly = monthly;
        }

        public Integer getYearly() {
            return yearly;
        }

        public void setYearly(Integer yearly) {
            this.yearly = yearly;
        }

        boolean anySet() {
            return hourly != null || daily != null || weekly != null || monthly != null || yearly != null;
        }
    }
}
