package dev.paygate.metrics.control;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * Where the business figures go: the server's metrics library, whichever it has. MicroProfile
 * Metrics on Payara Micro and Open Liberty ({@link MicroProfileMeters}), Micrometer on WildFly
 * ({@link MicrometerMeters}). An implementation whose library the server lacks is not a bean
 * there (the container cannot load it), so the same WAR counts on every server.
 */
public interface Meters {

    /** Whether the server gave this implementation its registry. */
    boolean available();

    /** Adds one to the counter {@code figure} with the labels given as name, value, name, value. */
    void count(Figure figure, String... labels);

    /** Records {@code value} in the distribution {@code figure}. */
    void record(Figure figure, long value);

    /** The key of a figure's meter with these labels, for an implementation's cache. */
    static List<String> key(Figure figure, String... labels) {
        List<String> key = new ArrayList<>(labels.length + 1);
        key.add(figure.name());
        key.addAll(Arrays.asList(labels));
        return key;
    }

    /** A figure's name (dotted; exporters write {@code paygate_payments_total} and so on) and what it counts. */
    record Figure(String name, String description) {}
}
