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
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.TimeUnit;

/**
 * Waits out the acquirer's delays. One thread made by the container's managed thread factory, so
 * it carries the application's context from its start; the server's managed scheduled executor
 * captures and restores that context for every task instead, and its capture searches the class
 * path each time, which cost a measurable share of the CPU per payment. A task only hands the next
 * step to the EJB asynchronous pool. A start-up singleton, so that the thread factory is injected
 * at deployment, before recovery schedules the first step.
 */
@Singleton
@Startup
@ConcurrencyManagement(ConcurrencyManagementType.BEAN)
@TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
public class AcquirerClock {

    @Resource
    ManagedThreadFactory threads;

    private ScheduledThreadPoolExecutor executor;

    @PostConstruct
    void start() {
        executor = new ScheduledThreadPoolExecutor(1, threads);
        executor.setRemoveOnCancelPolicy(true);
    }

    @PreDestroy
    void stop() {
        executor.shutdownNow();
    }

    public void after(long delayMs, Runnable step) {
        executor.schedule(step, delayMs, TimeUnit.MILLISECONDS);
    }
}
