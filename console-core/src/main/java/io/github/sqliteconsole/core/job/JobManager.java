package io.github.sqliteconsole.core.job;

import io.github.sqliteconsole.core.sql.OperationRefused;
import io.github.sqliteconsole.core.sql.SqliteErrors;
import java.lang.System.Logger.Level;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.Deque;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.Executor;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

/**
 * Runs long work in the background: one job per kind at a time, each with progress, a cancel and
 * a deadline; the last {@link #KEPT} finished jobs are kept, so a page reload shows the latest
 * result. A job survives the browser that started it.
 */
public final class JobManager implements AutoCloseable {

    public static final int KEPT = 20;
    private static final System.Logger LOGGER = System.getLogger(JobManager.class.getName());

    private final Executor workers;
    /** The console's own pool, null when the host supplied the executor (the host shuts that down). */
    private final ExecutorService ownWorkers;
    private final ScheduledExecutorService deadlines = Executors.newSingleThreadScheduledExecutor(daemon("sqlite-console-deadline"));

    /** Runs jobs on threads of its own, named {@code sqlite-console-job}. */
    public JobManager() {
        this(null);
    }

    /**
     * Runs jobs on {@code hostExecutor} when it is not null (a host that manages its threads), else on
     * threads of its own. A job holds its thread for as long as it runs: the executor needs one
     * thread per job kind that may run at once.
     */
    public JobManager(Executor hostExecutor) {
        this.ownWorkers = hostExecutor == null ? Executors.newCachedThreadPool(daemon("sqlite-console-job")) : null;
        this.workers = hostExecutor == null ? ownWorkers : hostExecutor;
    }
    private final Map<String, RunningJob> running = new HashMap<>();
    private final Deque<JobSnapshot> finished = new ArrayDeque<>();
    /**
     * The last job of each kind that succeeded, kept apart from {@link #finished}: twenty hourly
     * stored backups must not push the last foreign-key check's verdict out of sight. One per kind.
     */
    private final Map<String, JobSnapshot> lastSucceeded = new HashMap<>();

    /** Starts {@code work} as a job of {@code kind}, stopped if still running after {@code deadline}. */
    public synchronized JobSnapshot start(String kind, Duration deadline, JobWork work) throws JobConflict {
        RunningJob current = running.get(kind);
        if (current != null) {
            throw new JobConflict(current.snapshot());
        }
        RunningJob job = new RunningJob(UUID.randomUUID().toString(), kind, Instant.now());
        running.put(kind, job);
        deadlines.schedule(() -> job.stop("stopped: the job's deadline of " + deadline.toMinutes() + " min passed"),
                deadline.toMillis(), TimeUnit.MILLISECONDS);
        try {
            workers.execute(() -> execute(job, work));
        } catch (java.util.concurrent.RejectedExecutionException e) {
            // A host executor that is shut down or full: the job never starts, so it must not stay "running".
            running.remove(kind);
            job.stop("not started");
            throw new IllegalStateException("the " + kind + " job was not started: the executor refused it ("
                    + e.getMessage() + "); check the executor given to SqliteConsole.Builder.executor", e);
        }
        return job.snapshot();
    }

    private void execute(RunningJob job, JobWork work) {
        JobSnapshot outcome;
        try {
            JobResult result = work.run(job);
            outcome = job.isStopped() ? job.end(JobState.CANCELLED, null, job.stopReason()) : job.end(JobState.SUCCEEDED, result, null);
        } catch (SQLException e) {
            outcome = job.isStopped() || SqliteErrors.isInterrupted(e)
                    ? job.end(JobState.CANCELLED, null, job.stopReason())
                    : job.end(JobState.FAILED, null, SqliteErrors.describe(e));
        } catch (JobFailed e) {
            LOGGER.log(Level.WARNING, "SQLite Console job " + job.kind + ": " + e.getMessage());
            outcome = job.end(JobState.FAILED, null, e.getMessage());
        } catch (OperationRefused e) {
            // A policy refusal, not a fault: its message says why and what to do; no stack trace in the log.
            outcome = job.end(JobState.FAILED, null, e.getMessage());
        } catch (Exception | LinkageError e) {
            if (job.isStopped()) {
                // Work that is not SQL (hashing a snapshot) ends with its own exception when stopped.
                outcome = job.end(JobState.CANCELLED, null, job.stopReason());
            } else {
                LOGGER.log(Level.ERROR, "SQLite Console job " + job.kind + " failed", e);
                outcome = job.end(JobState.FAILED, null, e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage());
            }
        }
        synchronized (this) {
            running.remove(job.kind);
            finished.addFirst(outcome);
            if (outcome.state() == JobState.SUCCEEDED) {
                lastSucceeded.put(outcome.kind(), outcome);
            }
            while (finished.size() > KEPT) {
                finished.removeLast();
            }
        }
    }

    public synchronized Optional<JobSnapshot> get(String id) {
        for (RunningJob job : running.values()) {
            if (job.id.equals(id)) {
                return Optional.of(job.snapshot());
            }
        }
        return finished.stream().filter(job -> job.id().equals(id)).findFirst();
    }

    /** The running job of {@code kind}, else the latest finished one. */
    public synchronized Optional<JobSnapshot> latest(String kind) {
        RunningJob job = running.get(kind);
        if (job != null) {
            return Optional.of(job.snapshot());
        }
        return finished.stream().filter(snapshot -> snapshot.kind().equals(kind)).findFirst();
    }

    /** The last job of {@code kind} that succeeded, however many jobs ended since; a running one does not hide it. */
    public synchronized Optional<JobSnapshot> lastSucceeded(String kind) {
        return Optional.ofNullable(lastSucceeded.get(kind));
    }

    /** Asks the job to stop; true when it was running. */
    public synchronized boolean cancel(String id) {
        for (RunningJob job : running.values()) {
            if (job.id.equals(id)) {
                job.stop("cancelled by a user");
                return true;
            }
        }
        return false;
    }

    /** The last {@link #KEPT} finished jobs, the latest first. */
    public synchronized List<JobSnapshot> recent() {
        return List.copyOf(finished);
    }

    /**
     * The running jobs and the last {@link #KEPT} finished ones, the latest started first: at most
     * {@code KEPT} plus one per kind.
     */
    public synchronized List<JobSnapshot> runningAndRecent() {
        List<JobSnapshot> all = new ArrayList<>(running.values().stream().map(RunningJob::snapshot).toList());
        all.addAll(finished);
        all.sort(Comparator.comparing(JobSnapshot::startedAt).reversed());
        return List.copyOf(all);
    }

    @Override
    public void close() {
        synchronized (this) {
            running.values().forEach(job -> job.stop("stopped: the console is shutting down"));
        }
        if (ownWorkers != null) {
            ownWorkers.shutdown();
        }
        deadlines.shutdownNow();
    }

    /** Daemon threads named {@code name}: the console's threads never keep a host's JVM alive. */
    public static java.util.concurrent.ThreadFactory daemon(String name) {
        return runnable -> {
            Thread thread = new Thread(runnable, name);
            thread.setDaemon(true);
            return thread;
        };
    }

    /** A job while it runs: its progress is written by the worker and read by requests. */
    private static final class RunningJob implements JobContext {
        private final String id;
        private final String kind;
        private final Instant startedAt;
        private volatile double progress;
        private volatile String message = "starting";
        private volatile String stopReason;

        RunningJob(String id, String kind, Instant startedAt) {
            this.id = id;
            this.kind = kind;
            this.startedAt = startedAt;
        }

        @Override
        public void progress(double fraction, String text) {
            progress = Math.max(0, Math.min(1, fraction));
            message = text;
        }

        @Override
        public boolean cancelled() {
            return stopReason != null;
        }

        void stop(String reason) {
            if (stopReason == null) {
                stopReason = reason;
            }
        }

        boolean isStopped() {
            return stopReason != null;
        }

        String stopReason() {
            return stopReason == null ? "stopped" : stopReason;
        }

        JobSnapshot snapshot() {
            return new JobSnapshot(id, kind, JobState.RUNNING, progress, message, startedAt, null, null, null);
        }

        JobSnapshot end(JobState state, JobResult result, String error) {
            double done = state == JobState.SUCCEEDED ? 1 : progress;
            String text = state == JobState.SUCCEEDED ? "done" : error;
            return new JobSnapshot(id, kind, state, done, text, startedAt, Instant.now(), result, error);
        }
    }
}
