package io.github.sqliteconsole.web.pages;

import io.github.sqliteconsole.core.SqliteConsole;
import io.github.sqliteconsole.core.job.InvalidJobArgument;
import io.github.sqliteconsole.core.job.JobConflict;
import io.github.sqliteconsole.core.job.JobKind;
import io.github.sqliteconsole.core.job.JobManager;
import io.github.sqliteconsole.core.job.JobParameter;
import io.github.sqliteconsole.core.job.JobSnapshot;
import io.github.sqliteconsole.web.routing.BadRequest;
import io.github.sqliteconsole.web.routing.Exchange;
import io.github.sqliteconsole.web.routing.Handler;
import io.github.sqliteconsole.web.routing.Params;
import io.github.sqliteconsole.web.view.Views;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * {@code POST /api/jobs/{kind}} (202, or 409 while one of that kind runs), {@code GET /api/jobs}
 * (the running and recent jobs), {@code GET /api/jobs/{id}} and {@code POST /api/jobs/{id}/cancel}.
 * An htmx request gets the job's card instead of JSON.
 */
public final class JobsApi {

    private final SqliteConsole console;
    private final JobCards cards;
    private final Views views;

    public JobsApi(SqliteConsole console, JobCards cards, Views views) {
        this.console = console;
        this.cards = cards;
        this.views = views;
    }

    /** Starts a job of {@code kind}, with the parameters the kind declares (each checked: a bad value is a 400). */
    public Handler start(JobKind kind) {
        return exchange -> {
            Map<String, String> arguments = new LinkedHashMap<>();
            for (JobParameter parameter : kind.parameters()) {
                // A name (a backup's id) is checked against its format by the kind itself: a bad one is an InvalidJobArgument.
                String value = parameter.isChoice()
                        ? Params.oneOf(exchange.request(), parameter.name(), parameter.defaultValue(), Set.copyOf(parameter.values()))
                        : Params.text(exchange.request(), parameter.name());
                if (value != null) {
                    arguments.put(parameter.name(), value);
                }
            }
            try {
                answer(exchange, HttpServletResponse.SC_ACCEPTED, kind, console.start(kind, arguments));
            } catch (JobConflict e) {
                conflict(exchange, kind, e);
            } catch (InvalidJobArgument e) {
                throw new BadRequest(e.getMessage());
            }
        };
    }

    /** {@code POST /api/jobs/{kind}} for a name no kind has. */
    public Handler unknownKind() {
        return exchange -> Responses.error(exchange, views, HttpServletResponse.SC_NOT_FOUND, "There is no job of that kind.");
    }

    /**
     * {@code GET /api/jobs}: the running jobs and the last {@link JobManager#KEPT} finished ones, the
     * latest started first, each as {@code GET /api/jobs/{id}} shows it. The manager keeps no more, so
     * the list is bounded without a parameter.
     */
    public Handler list() {
        return exchange -> Responses.json(exchange.response(), HttpServletResponse.SC_OK,
                Map.of("jobs", console.jobs().runningAndRecent().stream().map(JobJson::of).toList()));
    }

    public Handler status() {
        return exchange -> withJob(exchange, job -> answer(exchange, HttpServletResponse.SC_OK, kindOf(job), job));
    }

    /** Only those who may start a kind may cancel it: a VIEWER does not stop an operator's VACUUM or backup. */
    public Handler cancel() {
        return exchange -> withJob(exchange, job -> {
            JobKind kind = kindOf(job);
            if (!cards.allows(exchange.role(), kind)) {
                Responses.error(exchange, views, HttpServletResponse.SC_FORBIDDEN,
                        "Forbidden: cancelling a " + job.kind() + " job needs the " + JobCards.required(kind) + " role.");
                return;
            }
            console.jobs().cancel(job.id());
            answer(exchange, HttpServletResponse.SC_OK, kind, console.jobs().get(job.id()).orElse(job));
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

    /** Every job the console runs was started as one of the kinds. */
    private static JobKind kindOf(JobSnapshot job) {
        return JobKind.fromApiName(job.kind()).orElseThrow(() -> new IllegalStateException("a job of unknown kind " + job.kind()));
    }

    private void conflict(Exchange exchange, JobKind kind, JobConflict e) throws IOException {
        if (exchange.htmx()) {
            answer(exchange, HttpServletResponse.SC_OK, kind, e.running());
        } else {
            Responses.json(exchange.response(), HttpServletResponse.SC_CONFLICT,
                    Map.of("error", "A " + e.running().kind() + " job is already running: " + e.running().message() + ".",
                            "job", JobJson.of(e.running())));
        }
    }

    private void answer(Exchange exchange, int status, JobKind kind, JobSnapshot job) throws IOException {
        if (exchange.htmx()) {
            // A job that has already ended (a cancel's answer) is announced, like the poll that sees one end.
            cards.render(exchange, cards.card(kind, job, exchange.role()), true);
        } else {
            Responses.json(exchange.response(), status, JobJson.of(job));
        }
    }
}
