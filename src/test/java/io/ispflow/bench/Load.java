package io.ispflow.bench;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.ThreadLocalRandom;

/** Closed-loop load from a fixed number of threads for a fixed time; latencies of every call. */
final class Load {

    /** One call of the operation under test; {@code seed} varies the request. */
    interface Operation {
        void run(int seed) throws Exception;
    }

    /** Throughput and latency percentiles of one run. */
    record Result(String name, long calls, double seconds, double p50Millis, double p99Millis) {

        double perSecond() {
            return calls / seconds;
        }

        String row(Result baseline) {
            String ratio = baseline == null ? "1.00" : String.format("%.2f", perSecond() / baseline.perSecond());
            return String.format("| %s | %.0f | %.2f | %.2f | %s |", name, perSecond(), p50Millis, p99Millis, ratio);
        }
    }

    private Load() {
    }

    static Result run(String name, int threads, double seconds, Operation operation) throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        long deadline = System.nanoTime() + (long) (seconds * 1e9);
        long started = System.nanoTime();
        List<Future<List<Long>>> workers = new ArrayList<>();
        for (int t = 0; t < threads; t++) {
            workers.add(pool.submit(() -> {
                List<Long> latencies = new ArrayList<>();
                while (System.nanoTime() < deadline) {
                    long begin = System.nanoTime();
                    operation.run(ThreadLocalRandom.current().nextInt(1_000_000));
                    latencies.add(System.nanoTime() - begin);
                }
                return latencies;
            }));
        }
        List<Long> all = new ArrayList<>();
        for (var worker : workers) {
            all.addAll(worker.get());
        }
        double elapsed = (System.nanoTime() - started) / 1e9;
        pool.shutdown();
        Collections.sort(all);
        return new Result(name, all.size(), elapsed, percentile(all, 0.50), percentile(all, 0.99));
    }

    private static double percentile(List<Long> sorted, double p) {
        if (sorted.isEmpty()) {
            return Double.NaN;
        }
        return sorted.get(Math.min(sorted.size() - 1, (int) Math.ceil(p * sorted.size()) - 1)) / 1e6;
    }
}
