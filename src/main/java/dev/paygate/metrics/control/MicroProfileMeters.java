package dev.paygate.metrics.control;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Instance;
import jakarta.inject.Inject;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.eclipse.microprofile.metrics.Counter;
import org.eclipse.microprofile.metrics.Histogram;
import org.eclipse.microprofile.metrics.Metadata;
import org.eclipse.microprofile.metrics.MetricRegistry;
import org.eclipse.microprofile.metrics.Tag;

/**
 * The figures in MicroProfile Metrics' application registry (Payara Micro, Open Liberty). A
 * distribution is a histogram without a unit, in the unit its name says: with a time unit, Payara
 * Micro's exporter converts the quantiles to seconds but not the sum, or the sum but not the
 * quantiles.
 */
@ApplicationScoped
public class MicroProfileMeters implements Meters {

    @Inject
    Instance<MetricRegistry> registries;

    /** Each meter looked up once, so that a change costs a map look-up. */
    private final Map<List<String>, Counter> counters = new ConcurrentHashMap<>();

    private final Map<String, Histogram> histograms = new ConcurrentHashMap<>();

    @Override
    public boolean available() {
        return registries.isResolvable();
    }

    @Override
    public void count(Figure figure, String... labels) {
        counters.computeIfAbsent(Meters.key(figure, labels), k -> {
                    Tag[] tags = new Tag[labels.length / 2];
                    for (int i = 0; i < tags.length; i++) {
                        tags[i] = new Tag(labels[2 * i], labels[2 * i + 1]);
                    }
                    return registries.get().counter(metadata(figure), tags);
                })
                .inc();
    }

    @Override
    public void record(Figure figure, long value) {
        histograms
                .computeIfAbsent(figure.name(), name -> registries.get().histogram(metadata(figure)))
                .update(value);
    }

    private static Metadata metadata(Figure figure) {
        return Metadata.builder()
                .withName(figure.name())
                .withDescription(figure.description())
                .build();
    }
}
