package dev.paygate.payments.control;

import jakarta.annotation.PostConstruct;
import jakarta.annotation.PreDestroy;
import jakarta.annotation.Resource;
import jakarta.ejb.ConcurrencyManagement;
import jakarta.ejb.ConcurrencyManagementType;
import jakarta.ejb.Singleton;
import jakarta.ejb.Startup;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.enterprise.concurrent.ManagedThreadFactory;
import jakarta.inject.Inject;
import java.util.List;

/**
 * Waits out the acquirer's delays and hands the steps that are due to the processor, in batches
 * ({@link DueBatches}), each one transaction of up to {@link #MAX_BATCH} payments: one batch per
 * core at once, and up to {@link #MOST_IN_FLIGHT} when a step is {@link #LATE_MS} late. Under load, the
 * pick-ups and answers that fall due while those transactions run share the next one, instead of
 * each paying for an asynchronous call, a transaction and a commit of its own.
 *
 * <p>The waiting is one thread made by the container's managed thread factory, so it carries the
 * application's context from its start; the server's managed scheduled executor captures and
 * restores that context for every task instead, and its capture searches the class path each
 * time. A start-up singleton, so that the thread runs from deployment, before recovery adds the
 * first steps.
 */
@Singleton
@Startup
@ConcurrencyManagement(ConcurrencyManagementType.BEAN)
@TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
public class AcquirerClock {

    /** Batches out at once when the steps keep up: one per core. */
    static final int IN_FLIGHT = Math.max(1, Runtime.getRuntime().availableProcessors());
    /** Batches out at once when the steps fall behind. */
    static final int MOST_IN_FLIGHT = Math.max(IN_FLIGHT, 8);
    /** How late a step may be before it goes out beyond the steady batches. */
    static final long LATE_MS = 20;
    /** Payments in one transaction at most. */
    static final int MAX_BATCH = 100;

    @Resource
    ManagedThreadFactory threads;

    @Inject
    PaymentProcessor processor;

    private DueBatches<AcquirerStep> steps;
    private Thread dispatcher;

    @PostConstruct
    void start() {
        steps = new DueBatches<>(IN_FLIGHT, MOST_IN_FLIGHT, LATE_MS, MAX_BATCH, this::handOver);
        dispatcher = threads.newThread(steps::run);
        dispatcher.setName("paygate-acquirer-clock");
        dispatcher.start();
    }

    @PreDestroy
    void stop() {
        dispatcher.interrupt();
    }

    /**
     * The steps waiting for their time. Callers keep it and add to it directly, which saves a call
     * through the EJB container for every step.
     */
    public DueBatches<AcquirerStep> steps() {
        return steps;
    }

    private void handOver(List<AcquirerStep> batch) {
        processor.advance(batch, steps);
    }
}
