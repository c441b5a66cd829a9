package org.criticalminerals.load;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.jspecify.annotations.Nullable;

/**
 * What the machine and the service's process show: the load average, and the resident set and heap of the
 * service when its process id is known (it runs on this machine). The heap is read with {@code jcmd} after a
 * full collection, so that it shows what is live, not what is garbage yet.
 */
public final class ServiceProbe {

    /** Kilobytes; the heap figures are -1 when jcmd could not read them. */
    public record Memory(long rssKb, long peakRssKb, long heapUsedKb, long heapCommittedKb, long metaspaceKb) {

        String describe() {
            return String.format(Locale.ROOT, "RSS %,d MB (peak so far %,d MB), heap live %s MB of %s MB committed, metaspace %s MB", rssKb / 1024,
                    peakRssKb / 1024, mb(heapUsedKb), mb(heapCommittedKb), mb(metaspaceKb));
        }

        private static String mb(long kb) {
            return kb < 0 ? "?" : String.format(Locale.ROOT, "%,d", kb / 1024);
        }
    }

    private static final Pattern HEAP = Pattern.compile("total (\\d+)K, used (\\d+)K");

    private static final Pattern METASPACE = Pattern.compile("Metaspace\\s+used (\\d+)K");

    private final @Nullable Long pid;

    public ServiceProbe(@Nullable Long pid) {
        this.pid = pid;
    }

    boolean knowsProcess() {
        return pid != null;
    }

    /** The one-minute load average of this machine. */
    public static double loadAverage() {
        try {
            return Double.parseDouble(Files.readString(Path.of("/proc/loadavg")).split(" ")[0]);
        }
        catch (IOException | RuntimeException e) {
            return Double.NaN;
        }
    }

    /**
     * CPU time the service's process has used (user and system, all threads), in seconds, or NaN when unknown;
     * {@code /proc/<pid>/stat} counts it in clock ticks of 1/100 s on Linux.
     */
    double cpuSeconds() {
        if (pid == null) {
            return Double.NaN;
        }
        try {
            String stat = Files.readString(Path.of("/proc", pid.toString(), "stat"));
            String[] fields = stat.substring(stat.lastIndexOf(')') + 2).split(" "); // fields[0] is the state, field 3 of stat(5)
            return (Long.parseLong(fields[11]) + Long.parseLong(fields[12])) / 100.0;
        }
        catch (IOException | RuntimeException e) {
            return Double.NaN;
        }
    }

    /** The service's resident set in kB (VmRSS), or -1 when unknown. */
    long rssKb() {
        return status("VmRSS");
    }

    public Memory memory() {
        String heap = jcmd("GC.run") == null ? null : jcmd("GC.heap_info");
        long used = -1;
        long committed = -1;
        long metaspace = -1;
        if (heap != null) {
            Matcher regions = HEAP.matcher(heap);
            while (regions.find()) { // G1 prints one line; the serial and parallel collectors one per generation
                committed = Math.max(committed, 0) + Long.parseLong(regions.group(1));
                used = Math.max(used, 0) + Long.parseLong(regions.group(2));
            }
            Matcher meta = METASPACE.matcher(heap);
            metaspace = meta.find() ? Long.parseLong(meta.group(1)) : -1;
        }
        return new Memory(status("VmRSS"), status("VmHWM"), used, committed, metaspace);
    }

    private long status(String field) {
        if (pid == null) {
            return -1;
        }
        try {
            for (String line : Files.readAllLines(Path.of("/proc", pid.toString(), "status"))) {
                if (line.startsWith(field + ":")) {
                    return Long.parseLong(line.replaceAll("[^0-9]", ""));
                }
            }
        }
        catch (IOException e) {
            return -1;
        }
        return -1;
    }

    private @Nullable String jcmd(String command) {
        if (pid == null) {
            return null;
        }
        try {
            Process process = new ProcessBuilder(List.of("jcmd", pid.toString(), command)).redirectErrorStream(true).start();
            String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            return process.waitFor() == 0 ? output : null;
        }
        catch (IOException e) {
            return null;
        }
        catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return null;
        }
    }

    /** Samples the load average and the service's RSS every second while the run lasts. */
    static final class Sampler extends Thread {

        private final ServiceProbe probe;

        private final List<Double> loads = new ArrayList<>();

        private final List<Long> rss = new ArrayList<>();

        private volatile boolean running = true;

        Sampler(ServiceProbe probe) {
            super("load-test-sampler");
            setDaemon(true);
            this.probe = probe;
        }

        @Override
        public void run() {
            while (running) {
                synchronized (this) {
                    loads.add(loadAverage());
                    rss.add(probe.rssKb());
                }
                try {
                    Thread.sleep(1000);
                }
                catch (InterruptedException e) {
                    return;
                }
            }
        }

        synchronized List<Double> loads() {
            return List.copyOf(loads);
        }

        /** RSS in kB, one value a second. */
        synchronized List<Long> rss() {
            return List.copyOf(rss);
        }

        void finish() {
            running = false;
            interrupt();
        }
    }
}
