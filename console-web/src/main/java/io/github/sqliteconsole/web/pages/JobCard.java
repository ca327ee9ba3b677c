package io.github.sqliteconsole.web.pages;

import io.github.sqliteconsole.core.job.ForeignKeyReport;
import io.github.sqliteconsole.core.job.IntegrityReport;
import io.github.sqliteconsole.core.job.JobKind;
import io.github.sqliteconsole.core.job.JobResult;
import io.github.sqliteconsole.core.job.JobState;
import io.github.sqliteconsole.core.job.OrphanReport;
import io.github.sqliteconsole.core.job.JobParameter;
import io.github.sqliteconsole.core.job.JobSnapshot;
import io.github.sqliteconsole.core.maintenance.VacuumPreflight;
import io.github.sqliteconsole.core.sql.ByteSize;
import io.github.sqliteconsole.web.advice.JobAdvice;
import java.util.List;
import java.util.Locale;

/**
 * One job kind on a page: what it does, its running or latest job (null if none ran since the
 * console started), and whether this viewer may start or cancel it here.
 */
public record JobCard(JobKind type, JobSnapshot job, boolean canOperate) {

    /** The kind's API name: the card's id and the address its buttons post to. */
    public String kind() {
        return type.apiName();
    }

    public String title() {
        return type.title();
    }

    public String description() {
        return type.description();
    }

    /**
     * The question asked before a costly job starts, repeating what it costs; null for a cheap one
     * (a check, ANALYZE, optimize, a checkpoint), which starts at once. A restore is confirmed on
     * its own page, which names the backup.
     *
     * @param preflight VACUUM's preflight when the page has it (the Maintenance page), else null
     */
    public String confirmation(VacuumPreflight preflight) {
        if (!JobAdvice.of(type).confirm()) {
            return null;
        }
        String size = preflight == null ? "" : " (" + ByteSize.format(preflight.fileBytes()) + ")";
        String lock = preflight != null && !"WAL".equals(preflight.journalMode())
                ? "readers and writers wait until it ends" : "writers wait until it ends";
        return switch (type) {
            case VACUUM -> preflight == null
                    ? "VACUUM rewrites the whole file: " + lock + ", and it needs about twice the database in free disk."
                            + " Run it on the live database now?"
                    : "VACUUM rewrites the whole file" + size + ": " + lock + ", and it needs about "
                            + ByteSize.format(preflight.neededBytes()) + " of free disk (twice the database and the "
                            + ByteSize.format(preflight.diskReserve()) + " kept free for the application; "
                            + ByteSize.format(preflight.freeDiskBytes()) + " free now). Run it on the live database now?";
            case REINDEX -> "REINDEX rebuilds every index of the database" + size + ": " + lock
                    + ", about as long as reading the whole file takes. Run it on the live database now?";
            default -> "Run " + title() + " on the live database now? " + lock.substring(0, 1).toUpperCase(Locale.ROOT)
                    + lock.substring(1) + ".";
        };
    }

    /** What the page's live region says when this card's job has ended: its title, outcome and message. */
    public String announcement() {
        if (job == null) {
            return "";
        }
        String message = job.message() == null || job.message().equals("done") ? "" : ". " + job.message();
        return title() + " finished: " + badge().toLowerCase(Locale.ROOT) + message;
    }

    /** The parameters a card offers as selects; a backup's id is chosen per backup on the Backup page. */
    public List<JobParameter> choices() {
        return type.parameters().stream().filter(JobParameter::isChoice).toList();
    }

    /**
     * False for a kind that changes the database and acts on one named thing (a restore of a stored
     * backup): it is started from that thing's row, after a confirmation that names it, not from its card.
     */
    public boolean startsFromCard() {
        return !(type.mutates() && type.parameters().stream().anyMatch(parameter -> !parameter.isChoice()));
    }

    public boolean finished() {
        return job != null && job.state().finished();
    }

    public String runLabel() {
        return type.startLabel().orElse(job == null ? "Run" : "Run again");
    }

    /** The template of this kind's result: one fragment per result record, named after it. */
    public String resultTemplate() {
        return "fragments/results/" + type.resultType().getSimpleName();
    }

    /**
     * The job finished but what it checked is not healthy (damage, violations, orphans): its badge
     * says so instead of a green SUCCEEDED beside "2 problems found".
     */
    public boolean foundProblems() {
        if (job == null || job.state() != JobState.SUCCEEDED) {
            return false;
        }
        JobResult result = job.result();
        if (result instanceof IntegrityReport integrity) {
            return !integrity.ok();
        }
        if (result instanceof ForeignKeyReport keys) {
            return keys.foreignKeys().stream().anyMatch(key -> key.violations() > 0 || key.error() != null);
        }
        if (result instanceof OrphanReport orphans) {
            return orphans.relations().stream().anyMatch(relation -> relation.orphans() > 0);
        }
        return false;
    }

    /** The badge: the job's state, or what it found when it finished with problems. */
    public String badge() {
        return foundProblems() ? "PROBLEMS FOUND" : job == null ? "" : job.state().name();
    }

    /** The badge's style class: a finished check that found problems looks like a failure. */
    public String badgeClass() {
        return foundProblems() ? "state-failed" : job == null ? "" : "state-" + job.state().name().toLowerCase(Locale.ROOT);
    }

    public boolean running() {
        return job != null && !job.state().finished();
    }

    public int percent() {
        return job == null ? 0 : (int) Math.round(job.progress() * 100);
    }
}
