package io.github.sqliteconsole.web.pages;

import io.github.sqliteconsole.core.SqliteConsole;
import io.github.sqliteconsole.core.job.JobConflict;
import io.github.sqliteconsole.core.job.JobKind;
import io.github.sqliteconsole.core.job.JobSnapshot;
import io.github.sqliteconsole.core.maintenance.Maintenance;
import io.github.sqliteconsole.web.routing.Params;
import io.github.sqliteconsole.web.routing.Exchange;
import io.github.sqliteconsole.web.routing.Handler;
import io.github.sqliteconsole.web.view.Views;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * {@code POST /api/jobs/{kind}} (202, or 409 while one of that kind runs), {@code GET /api/jobs/{id}}
 * and {@code POST /api/jobs/{id}/cancel}. An htmx request gets the job's card instead of JSON.
 */
public final class JobsApi {

    private final SqliteConsole console;
    private final Views views;

    public JobsApi(SqliteConsole console, Views views) {
        this.console = console;
        this.views = views;
    }

    public Handler start() {
        return exchange -> {
            Optional<JobKind> kind = JobKind.fromApiName(exchange.pathParams().get("kind"));
            if (kind.isEmpty()) {
                Responses.error(exchange, views, HttpServletResponse.SC_NOT_FOUND, "There is no job of that kind.");
                return;
            }
            try {
                answer(exchange, HttpServletResponse.SC_ACCEPTED, console.startJob(kind.get()));
            } catch (JobConflict e) {
                conflict(exchange, e);
            }
        };
    }

    public Handler status() {
        return exchange -> withJob(exchange, job -> answer(exchange, HttpServletResponse.SC_OK, job));
    }

    /** Only those who may start a kind may cancel it: a VIEWER does not stop an operator's VACUUM or backup. */
    public Handler cancel() {
        return exchange -> withJob(exchange, job -> {
            if (JobCard.of(job.kind(), job).map(card -> !card.allows(exchange.role())).orElse(false)) {
                Responses.error(exchange, views, HttpServletResponse.SC_FORBIDDEN,
                        "Forbidden: cancelling a " + job.kind() + " job needs the OPERATOR role.");
                return;
            }
            console.jobs().cancel(job.id());
            answer(exchange, HttpServletResponse.SC_OK, console.jobs().get(job.id()).orElse(job));
        });
    }

    private interface JobAction {
        void apply(JobSnapshot job) throws IOException;
    }

    private void withJob(Exchange exchange, JobAction action) throws IOException {
        Optional<JobSnapshot> job = console.jobs().get(exchange.pathParams().get("id"));
        if (job.isEmpty()) {
            Responses.error(exchange, views, HttpServletResponse.SC_NOT_FOUND, "There is no job with that id.");
            return;
        }
        action.apply(job.get());
    }

    /**
     * {@code POST /api/jobs/vacuum} and the other maintenance kinds (OPERATOR routes, listed before
     * the generic one); {@code checkpoint} takes {@code mode=PASSIVE|TRUNCATE}.
     */
    public Handler startMaintenance(Maintenance.Operation operation) {
        return exchange -> {
            Maintenance.Operation chosen = operation;
            if (operation == Maintenance.Operation.CHECKPOINT_PASSIVE) {
                String mode = Params.oneOf(exchange.request(), "mode", "PASSIVE", Set.of("PASSIVE", "TRUNCATE"));
                chosen = mode.equals("TRUNCATE") ? Maintenance.Operation.CHECKPOINT_TRUNCATE : operation;
            }
            try {
                answer(exchange, HttpServletResponse.SC_ACCEPTED, console.startMaintenance(chosen));
            } catch (JobConflict e) {
                conflict(exchange, e);
            }
        };
    }

    /** {@code POST /api/jobs/backup[?compress=gzip]} (OPERATOR): a verified snapshot, prepared as a job. */
    public Handler startBackup() {
        return exchange -> {
            boolean gzip = Params.oneOf(exchange.request(), "compress", "none", Set.of("none", "gzip")).equals("gzip");
            try {
                answer(exchange, HttpServletResponse.SC_ACCEPTED, console.prepareSnapshot(gzip));
            } catch (JobConflict e) {
                conflict(exchange, e);
            }
        };
    }

    private void conflict(Exchange exchange, JobConflict e) throws IOException {
        if (exchange.htmx()) {
            answer(exchange, HttpServletResponse.SC_OK, e.running());
        } else {
            Responses.json(exchange.response(), HttpServletResponse.SC_CONFLICT,
                    Map.of("error", "A " + e.running().kind() + " job is already running: " + e.running().message() + ".",
                            "job", JobJson.of(e.running())));
        }
    }

    private void answer(Exchange exchange, int status, JobSnapshot job) throws IOException {
        if (exchange.htmx()) {
            views.renderFragment(exchange, HttpServletResponse.SC_OK, "fragments/job", "job",
                    Map.of("card", JobCard.of(job.kind(), job).orElseThrow(), "canOperate", true));
        } else {
            Responses.json(exchange.response(), status, JobJson.of(job));
        }
    }
}
