package org.criticalminerals.metrics;

import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Pattern;

import org.jspecify.annotations.Nullable;

/**
 * The operation names GraphQL metrics are tagged with, bounded: callers choose the names, and every distinct
 * tag value is a time series the service keeps (and Prometheus stores) for good. The first {@code max} names
 * seen keep their own; later ones count as {@value #OTHER}. An operation without a name is {@value #ANONYMOUS};
 * a name that is not a GraphQL name (or longer than {@value #LONGEST}) is {@value #OTHER} and takes no place.
 */
final class OperationNames {

    static final String ANONYMOUS = "anonymous";

    static final String OTHER = "other";

    static final int LONGEST = 64;

    private static final Pattern GRAPHQL_NAME = Pattern.compile("[_A-Za-z][_0-9A-Za-z]*");

    private final int max;

    private final Set<String> kept = ConcurrentHashMap.newKeySet();

    OperationNames(int max) {
        this.max = max;
    }

    String tag(@Nullable String name) {
        if (name == null || name.isEmpty()) {
            return ANONYMOUS;
        }
        if (kept.contains(name)) {
            return name;
        }
        if (name.length() > LONGEST || !GRAPHQL_NAME.matcher(name).matches()) {
            return OTHER;
        }
        synchronized (kept) {
            if (kept.size() < max) {
                kept.add(name);
                return name;
            }
        }
        return kept.contains(name) ? name : OTHER;
    }
}
