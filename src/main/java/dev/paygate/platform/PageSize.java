package dev.paygate.platform;

import dev.paygate.problems.InvalidRequest;

/** The {@code limit} query parameter of every list: 1 to 100, 20 when absent. */
public final class PageSize {

    public static final int DEFAULT = 20;
    public static final int MAX = 100;

    private PageSize() {}

    public static int parse(String value) {
        if (value == null) {
            return DEFAULT;
        }
        try {
            int limit = Integer.parseInt(value.trim());
            if (limit >= 1 && limit <= MAX) {
                return limit;
            }
        } catch (NumberFormatException e) {
            // reported below
        }
        throw new InvalidRequest("parameter_invalid", "limit", "limit must be a whole number from 1 to " + MAX);
    }
}
