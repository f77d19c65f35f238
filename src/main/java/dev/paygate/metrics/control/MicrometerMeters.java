package dev.paygate.metrics.control;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.DistributionSummary;
import io.micrometer.core.instrument.MeterRegistry;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Instance;
import jakarta.inject.Inject;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/** The figures in the server's Micrometer registry (WildFly, which has no MicroProfile Metrics). */
@ApplicationScoped
public class MicrometerMeters implements Meters {

    @Inject
    Instance<MeterRegistry> registries;

    /** Each meter looked up once, so that a change costs a map look-up. */
    private final Map<List<String>, Counter> counters = new ConcurrentHashMap<>();

    private final Map<String, DistributionSummary> summaries = new ConcurrentHashMap<>();

    @Override
    public boolean available() {
        return registries.isResolvable();
    }

    @Override
    public void count(Figure figure, String... labels) {
        counters.computeIfAbsent(
                        Meters.key(figure, labels),
                        k -> Counter.builder(figure.name())
                                .description(figure.description())
                                .tags(labels)
                                .register(registries.get()))
                .increment();
    }

    @Override
    public void record(Figure figure, long value) {
        summaries
                .computeIfAbsent(
                        figure.name(),
                        name -> DistributionSummary.builder(name)
                                .description(figure.description())
                                .register(registries.get()))
                .record(value);
    }
}
