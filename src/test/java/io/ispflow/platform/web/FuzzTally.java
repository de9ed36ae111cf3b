package io.ispflow.platform.web;

import java.io.PrintStream;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * What the fuzz pass saw, per endpoint: how many inputs were tried, the status histogram, and the
 * inputs that got a server error or stored something although refused (the first few of each).
 */
final class FuzzTally {

    private static final int SAMPLES = 5;

    private static final class Endpoint {
        int tried;
        final Map<Integer, Integer> statuses = new TreeMap<>();
        final List<String> serverErrors = new ArrayList<>();
        int serverErrorCount;
    }

    private final Map<String, Endpoint> endpoints = new LinkedHashMap<>();
    private final List<String> storedOnRefusal = new ArrayList<>();

    void record(FuzzTarget target, FuzzTarget.Request request, int status, String answer) {
        Endpoint endpoint = endpoints.computeIfAbsent(target.label(), label -> new Endpoint());
        endpoint.tried++;
        endpoint.statuses.merge(status, 1, Integer::sum);
        if (status >= 500) {
            endpoint.serverErrorCount++;
            if (endpoint.serverErrors.size() < SAMPLES) {
                endpoint.serverErrors.add(request.describe() + "\n    -> " + status + " " + excerpt(answer));
            }
        }
    }

    void storedOnRefusal(FuzzTarget.Request request, int status, String change) {
        storedOnRefusal.add(request.describe() + "\n    -> " + status + " but " + change);
    }

    List<String> serverErrors() {
        return endpoints.entrySet().stream().flatMap(e -> e.getValue().serverErrors.stream()
                .map(sample -> e.getKey() + ": " + sample)).toList();
    }

    List<String> storedOnRefusal() {
        return storedOnRefusal;
    }

    void print(PrintStream out, long seed, long millis) {
        int tried = 0;
        int serverErrors = 0;
        var classes = new TreeMap<String, Integer>();
        for (var entry : endpoints.entrySet()) {
            Endpoint endpoint = entry.getValue();
            var byClass = new TreeMap<String, Integer>();
            endpoint.statuses.forEach((status, count) -> byClass.merge(status / 100 + "xx", count, Integer::sum));
            out.printf("fuzz: %s tried %d, 2xx %d, 4xx %d, 5xx %d %s%n", entry.getKey(), endpoint.tried,
                    byClass.getOrDefault("2xx", 0), byClass.getOrDefault("4xx", 0), byClass.getOrDefault("5xx", 0),
                    endpoint.statuses);
            endpoint.serverErrors.forEach(sample -> out.println("fuzz 5xx: " + sample));
            tried += endpoint.tried;
            serverErrors += endpoint.serverErrorCount;
            byClass.forEach((k, v) -> classes.merge(k, v, Integer::sum));
        }
        storedOnRefusal.forEach(sample -> out.println("fuzz stored on refusal: " + sample));
        out.printf("fuzz: total %d endpoints, tried %d, %s, 5xx %d, stored on refusal %d (seed %d, %d s)%n",
                endpoints.size(), tried, classes, serverErrors, storedOnRefusal.size(), seed, millis / 1000);
    }

    private static String excerpt(String text) {
        return text == null ? "" : text.length() > 400 ? text.substring(0, 400) + "…" : text;
    }
}
