package dev.paygate.settlement.boundary;

import dev.paygate.settlement.entity.SettlementRun;
import jakarta.batch.runtime.JobExecution;
import jakarta.batch.runtime.Metric;
import jakarta.batch.runtime.StepExecution;
import jakarta.json.bind.annotation.JsonbProperty;
import jakarta.json.bind.annotation.JsonbPropertyOrder;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Date;
import java.util.List;
import java.util.Locale;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

@Schema(name = "SettlementRun", description = "A run of the settlement job and its latest job execution")
@JsonbPropertyOrder({
    "id",
    "object",
    "day",
    "merchantId",
    "until",
    "trigger",
    "status",
    "attempts",
    "error",
    "jobExecution",
    "createdAt",
    "updatedAt"
})
public record SettlementRunResponse(
        @Schema(example = "strun_3fK9pQ7rS0tU3vW6xY1zA2bC") String id,
        @Schema(example = "settlement_run") String object,

        @JsonbProperty("settlement_date") @Schema(name = "settlement_date")
        LocalDate day,

        @Schema(name = "merchant_id", nullable = true, description = "Null: every merchant")
        String merchantId,

        @JsonbProperty("settled_until") @Schema(name = "settled_until")
        Instant until,

        @Schema(enumeration = {"schedule", "admin"}) String trigger,

        @Schema(enumeration = {"running", "completed", "failed"})
        String status,

        @Schema(description = "Job executions started for it (restarts included)")
        int attempts,

        @Schema(nullable = true) String error,
        @Schema(name = "job_execution", nullable = true) Execution jobExecution,
        @Schema(name = "created_at") Instant createdAt,
        @Schema(name = "updated_at") Instant updatedAt) {

    /** The batch runtime's view of a job execution. */
    @Schema(name = "SettlementJobExecution")
    @JsonbPropertyOrder({"id", "batchStatus", "exitStatus", "startTime", "endTime", "steps"})
    public record Execution(
            long id,

            @Schema(name = "batch_status", example = "COMPLETED")
            String batchStatus,

            @Schema(name = "exit_status", nullable = true) String exitStatus,
            @Schema(name = "start_time", nullable = true) Instant startTime,
            @Schema(name = "end_time", nullable = true) Instant endTime,
            List<Step> steps) {}

    @Schema(name = "SettlementJobStep")
    @JsonbPropertyOrder({"name", "batchStatus", "read", "written", "filtered", "committed", "skipped", "rollbacks"})
    public record Step(
            String name,
            @Schema(name = "batch_status") String batchStatus,
            long read,
            long written,

            @Schema(description = "Items left for a later day's settlement")
            long filtered,

            long committed,
            long skipped,
            long rollbacks) {}

    public static SettlementRunResponse from(SettlementRun r, JobExecution execution, List<StepExecution> steps) {
        Execution e = execution == null
                ? null
                : new Execution(
                        execution.getExecutionId(),
                        String.valueOf(execution.getBatchStatus()),
                        execution.getExitStatus(),
                        instant(execution.getStartTime()),
                        instant(execution.getEndTime()),
                        steps.stream().map(SettlementRunResponse::step).toList());
        return new SettlementRunResponse(
                r.id(),
                "settlement_run",
                r.date(),
                r.merchantId(),
                r.settledUntil(),
                r.trigger().name().toLowerCase(Locale.ROOT),
                r.status().name().toLowerCase(Locale.ROOT),
                r.attempts(),
                r.error(),
                e,
                r.createdAt(),
                r.updatedAt());
    }

    private static Step step(StepExecution s) {
        long[] m = new long[Metric.MetricType.values().length];
        if (s.getMetrics() != null) {
            for (Metric metric : s.getMetrics()) {
                m[metric.getType().ordinal()] = metric.getValue();
            }
        }
        return new Step(
                s.getStepName(),
                String.valueOf(s.getBatchStatus()),
                m[Metric.MetricType.READ_COUNT.ordinal()],
                m[Metric.MetricType.WRITE_COUNT.ordinal()],
                m[Metric.MetricType.FILTER_COUNT.ordinal()],
                m[Metric.MetricType.COMMIT_COUNT.ordinal()],
                m[Metric.MetricType.READ_SKIP_COUNT.ordinal()]
                        + m[Metric.MetricType.PROCESS_SKIP_COUNT.ordinal()]
                        + m[Metric.MetricType.WRITE_SKIP_COUNT.ordinal()],
                m[Metric.MetricType.ROLLBACK_COUNT.ordinal()]);
    }

    private static Instant instant(Date date) {
        return date == null ? null : date.toInstant();
    }
}
