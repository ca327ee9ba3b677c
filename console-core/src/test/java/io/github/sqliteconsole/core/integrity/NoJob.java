package io.github.sqliteconsole.core.integrity;

import io.github.sqliteconsole.core.job.JobContext;
import java.util.ArrayList;
import java.util.List;

/** A job context for calling checks directly: records progress, never cancels. */
class NoJob implements JobContext {

    final List<String> messages = new ArrayList<>();
    double lastFraction;

    @Override
    public void progress(double fraction, String message) {
        lastFraction = fraction;
        messages.add(message);
    }

    @Override
    public boolean cancelled() {
        return false;
    }
}
