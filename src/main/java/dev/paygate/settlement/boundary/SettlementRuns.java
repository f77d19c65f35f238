package dev.paygate.settlement.boundary;

import dev.paygate.merchants.boundary.Merchants;
import dev.paygate.problems.InvalidRequest;
import dev.paygate.problems.ResourceNotFound;
import dev.paygate.problems.ServiceUnavailable;
import dev.paygate.problems.StateConflict;
import dev.paygate.settlement.control.PricedItem;
import dev.paygate.settlement.control.SettlementBook;
import dev.paygate.settlement.control.SettlementDays;
import dev.paygate.settlement.entity.SettlementRun;
import jakarta.annotation.Resource;
import jakarta.batch.operations.JobOperator;
import jakarta.batch.runtime.BatchRuntime;
import jakarta.batch.runtime.BatchStatus;
import jakarta.batch.runtime.JobExecution;
import jakarta.ejb.SessionContext;
import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.persistence.PersistenceContext;
import jakarta.persistence.PersistenceException;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Properties;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * The runs of the settlement job: started by an operator or once a day, resumed when the instance
 * running one stopped, and the transactions of the job's steps. A run is recorded before its job
 * starts, so that no two runs of a day overlap, and the job is started outside that transaction,
 * once the run is committed.
 */
@Stateless
public class SettlementRuns {

    static final String JOB = "settlement";
    private static final Logger LOG = Logger.getLogger(SettlementRuns.class.getName());

    @PersistenceContext
    EntityManager em;

    @Inject
    SettlementDays days;

    @Inject
    SettlementBook book;

    @Inject
    Merchants merchants;

    @Inject
    @ConfigProperty(name = "paygate.settlement.lease.seconds", defaultValue = "60")
    long leaseSeconds;

    @Resource
    SessionContext context;

    Duration lease() {
        return Duration.ofSeconds(leaseSeconds);
    }

    /**
     * Settles {@code date} (of one merchant, or all): up to the end of that day, or up to now for the
     * day that is still going on.
     */
    @TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
    public SettlementRun start(LocalDate date, String merchantId) {
        Instant now = Instant.now();
        if (date.isAfter(days.dayOf(now))) {
            throw new InvalidRequest("parameter_invalid", "date", "date " + date + " has not begun yet");
        }
        if (merchantId != null) {
            merchants.find(merchantId);
        }
        SettlementRun stale = em
                .createQuery(
                        "SELECT r FROM SettlementRun r WHERE r.status = :running AND r.date = :date",
                        SettlementRun.class)
                .setParameter("running", SettlementRun.Status.RUNNING)
                .setParameter("date", date)
                .getResultList()
                .stream()
                .filter(r -> r.leaseExpired(now))
                .findFirst()
                .orElse(null);
        if (stale != null) {
            // The day's run was left by an instance that stopped: asking again takes it up.
            resume(stale);
            return find(stale.id());
        }
        SettlementRun run = self().claim(date, merchantId, SettlementRun.Trigger.ADMIN, now);
        return launch(run.id());
    }

    /** The scheduled run of the last day that has ended, unless an instance has started it already. */
    @TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
    public void startScheduled(Instant now) {
        LocalDate day = days.lastEnded(now);
        long started = em.createQuery(
                        "SELECT COUNT(r) FROM SettlementRun r WHERE r.trigger = :schedule AND r.date = :date",
                        Long.class)
                .setParameter("schedule", SettlementRun.Trigger.SCHEDULE)
                .setParameter("date", day)
                .getSingleResult();
        if (started > 0) {
            return;
        }
        SettlementRun run;
        try {
            run = self().claim(day, null, SettlementRun.Trigger.SCHEDULE, now);
        } catch (StateConflict | PersistenceException e) {
            return; // another instance claimed the day first, or a run of it is going on
        } catch (jakarta.ejb.EJBException e) {
            LOG.log(Level.FINE, e, () -> "Day " + day + " was claimed by another instance");
            return;
        }
        launch(run.id());
    }

    @TransactionAttribute(TransactionAttributeType.REQUIRES_NEW)
    public SettlementRun claim(LocalDate date, String merchantId, SettlementRun.Trigger trigger, Instant now) {
        List<SettlementRun> running = em.createQuery(
                        "SELECT r FROM SettlementRun r WHERE r.status = :running AND r.date = :date",
                        SettlementRun.class)
                .setParameter("running", SettlementRun.Status.RUNNING)
                .setParameter("date", date)
                .setLockMode(LockModeType.PESSIMISTIC_WRITE)
                .getResultList();
        if (!running.isEmpty()) {
            throw new StateConflict(
                    "settlement_run_in_progress",
                    "Run " + running.get(0).id() + " is settling " + date + "; wait until it ends.");
        }
        Instant until = days.end(date).isAfter(now) ? now : days.end(date);
        SettlementRun run = SettlementRun.start(date, merchantId, until, trigger, now, lease());
        em.persist(run);
        em.flush();
        return run;
    }

    /** Starts a job execution for the committed run. */
    private SettlementRun launch(String runId) {
        Properties parameters = new Properties();
        parameters.setProperty("runId", runId);
        long execution;
        try {
            execution = operator().start(JOB, parameters);
        } catch (RuntimeException e) {
            LOG.log(Level.SEVERE, e, () -> "The batch runtime did not start settlement run " + runId);
            self().failed(runId, "The batch runtime did not start the job: " + e.getMessage());
            throw new ServiceUnavailable(
                    "batch_unavailable", "The settlement job could not be started; the server log says why.");
        }
        return self().attempted(runId, execution);
    }

    @TransactionAttribute(TransactionAttributeType.REQUIRES_NEW)
    public SettlementRun attempted(String runId, long execution) {
        SettlementRun run = em.find(SettlementRun.class, runId, LockModeType.PESSIMISTIC_WRITE);
        if (run.isRunning() && !run.attempt(execution, Instant.now(), lease())) {
            run.fail("Tried " + SettlementRun.MAX_ATTEMPTS + " times; see the job executions", Instant.now());
        }
        return run;
    }

    @TransactionAttribute(TransactionAttributeType.REQUIRES_NEW)
    public void failed(String runId, String why) {
        em.find(SettlementRun.class, runId, LockModeType.PESSIMISTIC_WRITE).fail(why, Instant.now());
    }

    /**
     * Takes up runs whose instance stopped renewing their lease: a job execution that failed or was
     * stopped is restarted from its last checkpoint; one left STARTED by an instance that died is
     * followed by a new execution, which reads on from what the last committed chunk settled.
     */
    @TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
    public void resumeStale(Instant now) {
        List<SettlementRun> stale = em
                .createQuery("SELECT r FROM SettlementRun r WHERE r.status = :running", SettlementRun.class)
                .setParameter("running", SettlementRun.Status.RUNNING)
                .getResultList()
                .stream()
                .filter(r -> r.leaseExpired(now))
                .toList();
        for (SettlementRun run : stale) {
            try {
                resume(run);
            } catch (RuntimeException e) {
                LOG.log(Level.WARNING, e, () -> "Could not resume settlement run " + run.id());
            }
        }
    }

    private void resume(SettlementRun run) {
        JobOperator operator = operator();
        Long previous = run.jobExecutionId();
        BatchStatus status =
                previous == null ? null : operator.getJobExecution(previous).getBatchStatus();
        if (status == BatchStatus.COMPLETED) {
            self().finish(run.id());
            return;
        }
        Properties parameters = new Properties();
        parameters.setProperty("runId", run.id());
        long execution = status == BatchStatus.FAILED || status == BatchStatus.STOPPED
                ? operator.restart(previous, parameters)
                : operator.start(JOB, parameters);
        LOG.info(() -> "Settlement run " + run.id() + " resumed as job execution " + execution + " (the last was "
                + previous + ", " + status + ")");
        self().attempted(run.id(), execution);
    }

    public SettlementRun find(String runId) {
        SettlementRun run = em.find(SettlementRun.class, runId);
        if (run == null) {
            throw new ResourceNotFound("settlement run", runId);
        }
        return run;
    }

    public List<SettlementRun> list(int limit) {
        return em.createQuery("SELECT r FROM SettlementRun r ORDER BY r.createdAt DESC, r.id DESC", SettlementRun.class)
                .setMaxResults(limit)
                .getResultList();
    }

    /** The chunk's items, added in the chunk's transaction, which also renews the run's lease. */
    public void write(String runId, List<PricedItem> items) {
        SettlementRun run = em.find(SettlementRun.class, runId, LockModeType.PESSIMISTIC_WRITE);
        Instant now = Instant.now();
        run.renew(now, lease());
        book.add(items, run.date(), run.settledUntil(), run.id(), now);
    }

    public List<String> openSettlements(String runId) {
        SettlementRun run = find(runId);
        return book.open(run.date(), run.merchantId());
    }

    public void complete(String runId, String settlementId) {
        SettlementRun run = em.find(SettlementRun.class, runId, LockModeType.PESSIMISTIC_WRITE);
        Instant now = Instant.now();
        run.renew(now, lease());
        book.complete(settlementId, now);
    }

    public void finish(String runId) {
        SettlementRun run = em.find(SettlementRun.class, runId, LockModeType.PESSIMISTIC_WRITE);
        if (run.isRunning()) {
            run.complete(Instant.now());
        }
    }

    /** The latest job execution of the run, as the batch runtime reports it; null before the first. */
    public JobExecution execution(SettlementRun run) {
        return run.jobExecutionId() == null ? null : operator().getJobExecution(run.jobExecutionId());
    }

    public List<jakarta.batch.runtime.StepExecution> steps(SettlementRun run) {
        return run.jobExecutionId() == null ? List.of() : operator().getStepExecutions(run.jobExecutionId());
    }

    static JobOperator operator() {
        return BatchRuntime.getJobOperator();
    }

    private SettlementRuns self() {
        return context.getBusinessObject(SettlementRuns.class);
    }
}
