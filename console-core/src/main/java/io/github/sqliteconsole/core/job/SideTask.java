package io.github.sqliteconsole.core.job;

import java.io.IOException;
import java.sql.SQLException;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.FutureTask;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.BooleanSupplier;

/**
 * Work that runs on a thread of its own beside a job's thread (a hash beside a check, a second
 * connection's scan), for one job step: the job thread starts it, does its own part, then awaits
 * it. Closing it tells the work to stop and waits for its thread, so a step that fails on the job
 * thread never leaves the side task reading a file that is about to be deleted.
 *
 * @param <T> what the work returns
 */
public final class SideTask<T> implements AutoCloseable {

    /** The work; {@code stopped} turns true once the task is closed, and the work should then end soon. */
    @FunctionalInterface
    public interface Work<T> {
        T run(BooleanSupplier stopped) throws IOException, SQLException;
    }

    private final AtomicBoolean stop = new AtomicBoolean();
    private final FutureTask<T> task;
    private final Thread thread;

    private SideTask(String name, Work<T> work) {
        this.task = new FutureTask<>(() -> work.run(stop::get));
        this.thread = new Thread(task, name);
        thread.setDaemon(true);
    }

    /** Starts {@code work} on a daemon thread named {@code name}. */
    public static <T> SideTask<T> start(String name, Work<T> work) {
        SideTask<T> side = new SideTask<>(name, work);
        side.thread.start();
        return side;
    }

    /** Waits for the work and returns its result; rethrows what it threw. */
    public T await() throws IOException, SQLException {
        try {
            return task.get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException("interrupted while waiting for " + thread.getName(), e);
        } catch (ExecutionException e) {
            if (e.getCause() instanceof IOException io) {
                throw io;
            }
            if (e.getCause() instanceof SQLException sql) {
                throw sql;
            }
            throw new IllegalStateException(thread.getName() + " failed", e.getCause());
        }
    }

    /** Tells the work to stop (if it still runs) and waits for its thread. */
    @Override
    public void close() {
        stop.set(true);
        try {
            thread.join();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
