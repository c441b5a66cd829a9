package org.criticalminerals.api;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.Function;

import org.jspecify.annotations.Nullable;

/** A map of at most {@code capacity} entries, the least recently used dropped first; safe to share between threads. */
public final class LeastRecentlyUsed<K, V> {

    private final Map<K, V> entries;

    public LeastRecentlyUsed(int capacity) {
        this.entries = new LinkedHashMap<>(64, 0.75f, true) {
            @Override
            protected boolean removeEldestEntry(Map.Entry<K, V> eldest) {
                return size() > capacity;
            }
        };
    }

    public synchronized @Nullable V get(K key) {
        return entries.get(key);
    }

    public synchronized void put(K key, V value) {
        entries.put(key, value);
    }

    /**
     * The value of the key, computed and kept when there is none; computed outside the lock, so two threads asking
     * for a new key at once may both compute it (the computation must be free of side effects).
     */
    public V computeIfAbsent(K key, Function<K, V> compute) {
        V value = get(key);
        if (value == null) {
            value = compute.apply(key);
            put(key, value);
        }
        return value;
    }

    public synchronized boolean containsKey(K key) {
        return entries.containsKey(key);
    }

    public synchronized int size() {
        return entries.size();
    }
}
