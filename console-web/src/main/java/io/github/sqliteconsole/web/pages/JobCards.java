package io.github.sqliteconsole.web.pages;

import io.github.sqliteconsole.core.SqliteConsole;
import io.github.sqliteconsole.core.job.JobKind;
import io.github.sqliteconsole.core.job.JobSnapshot;
import io.github.sqliteconsole.web.routing.Exchange;
import io.github.sqliteconsole.web.routing.Handler;
import io.github.sqliteconsole.web.routing.Params;
import io.github.sqliteconsole.web.security.Role;
import io.github.sqliteconsole.web.view.Views;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Job cards for every page that shows jobs, and the one rule of who may start or cancel a job:
 * the role its {@link JobKind} names, outside read-only mode. Pages ask here; none asks another page.
 */
public final class JobCards {

    /** The htmx event a finished backup job raises; the Backup page's list of stored backups listens for it. */
    public static final String BACKUPS_CHANGED = "backups-changed";

    private final SqliteConsole console;
    private final boolean readOnly;
    private final Views views;

    /** @param readOnly in read-only mode the console starts no job, so no card offers to */
    public JobCards(SqliteConsole console, boolean readOnly, Views views) {
        this.console = console;
        this.readOnly = readOnly;
        this.views = views;
    }

    /** The role a kind's start and cancel need. */
    public static Role required(JobKind kind) {
        return switch (kind.access()) {
            case VIEWER -> Role.VIEWER;
            case OPERATOR -> Role.OPERATOR;
        };
    }

    /** Whether {@code role} may start or cancel jobs of {@code kind} here. */
    public boolean allows(Role role, JobKind kind) {
        return (!readOnly || kind.allowedInReadOnlyMode()) && role.allows(required(kind));
    }

    /** The card of {@code kind} with its running or latest job. */
    public JobCard card(JobKind kind, Role role) {
        return new JobCard(kind, console.jobs().latest(kind.apiName()).orElse(null), allows(role, kind));
    }

    /** The card of {@code job}, of a known kind. */
    public JobCard card(JobKind kind, JobSnapshot job, Role role) {
        return new JobCard(kind, job, allows(role, kind));
    }

    /** The cards of one page, in the enum's order. */
    public List<JobCard> cards(JobKind.Group group, Role role) {
        return JobKind.of(group).stream().map(kind -> card(kind, role)).toList();
    }

    /**
     * Renders one card as the {@code job} fragment. A finished backup-group job changed the list
     * of stored backups (a new one, a drill verdict, a before-restore backup): the
     * {@code backups-changed} event tells the Backup page to reload its list.
     */
    public void render(Exchange exchange, JobCard card) throws IOException {
        render(exchange, card, false);
    }

    /**
     * @param announce true when this answer is the first to show the job ended (the poll that saw it,
     *                 a cancel): the card carries its outcome for the page's live region
     */
    public void render(Exchange exchange, JobCard card, boolean announce) throws IOException {
        if (card.finished() && card.type().group() == JobKind.Group.BACKUP) {
            exchange.response().setHeader("HX-Trigger", BACKUPS_CHANGED);
        }
        Map<String, Object> model = new HashMap<>();
        model.put("card", card);
        model.put("announce", announce && card.finished() ? card.announcement() : null);
        views.renderFragment(exchange, HttpServletResponse.SC_OK, "fragments/job", "job", model);
    }

    /**
     * {@code GET /jobs/{kind}}: one card. With {@code ?part=state}, the poll of a running job's state
     * area: only that area while the job runs, so the card's buttons (and the keyboard focus on them)
     * stay; once the job has ended, the whole card in place of the card (HX-Retarget), announcing the outcome.
     */
    public Handler cardHandler() {
        return exchange -> {
            Optional<JobKind> kind = JobKind.fromApiName(exchange.pathParams().get("kind"));
            if (kind.isEmpty()) {
                Responses.error(exchange, views, HttpServletResponse.SC_NOT_FOUND, "There is no job of that kind.");
                return;
            }
            JobCard card = card(kind.get(), exchange.role());
            boolean statePoll = Params.oneOf(exchange.request(), "part", "card", Set.of("card", "state")).equals("state");
            if (statePoll && card.running()) {
                views.renderFragment(exchange, HttpServletResponse.SC_OK, "fragments/job", "state", Map.of("card", card));
                return;
            }
            if (statePoll) {
                exchange.response().setHeader("HX-Retarget", "#job-" + card.kind());
                exchange.response().setHeader("HX-Reswap", "outerHTML");
            }
            render(exchange, card, statePoll);
        };
    }
}
