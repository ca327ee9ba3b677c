package io.github.sqliteconsole.web;

import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Executor;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

/**
 * A console executor whose jobs wait at a gate before they begin: a started job surely stays
 * RUNNING until {@link #open()}, through as many polls as a test needs, without a sleep.
 */
final class GatedJobs implements Executor, AutoCloseable {

    private final CountDownLatch gate = new CountDownLatch(1);
    private final ExecutorService threads = Executors.newCachedThreadPool();

    @Override
    public void execute(Runnable job) {
        threads.execute(() -> {
            try {
                gate.await();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            job.run();
        });
    }

    /** Lets every waiting and later job run. */
    void open() {
        gate.countDown();
    }

    @Override
    public void close() {
        open();
        threads.shutdown();
    }
}
