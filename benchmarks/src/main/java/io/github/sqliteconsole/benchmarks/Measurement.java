package io.github.sqliteconsole.benchmarks;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/** Times of repeated runs of one operation, after a warm-up: median and spread in milliseconds. */
record Measurement(List<Double> millis) {

    @FunctionalInterface
    interface Operation {
        void run() throws Exception;
    }

    static Measurement of(int warmUps, int runs, Operation operation) throws Exception {
        for (int i = 0; i < warmUps; i++) {
            operation.run();
        }
        List<Double> times = new ArrayList<>();
        for (int i = 0; i < runs; i++) {
            long start = System.nanoTime();
            operation.run();
            times.add((System.nanoTime() - start) / 1e6);
        }
        Collections.sort(times);
        return new Measurement(List.copyOf(times));
    }

    double median() {
        int middle = millis.size() / 2;
        return millis.size() % 2 == 1 ? millis.get(middle) : (millis.get(middle - 1) + millis.get(middle)) / 2;
    }

    double min() {
        return millis.get(0);
    }

    double max() {
        return millis.get(millis.size() - 1);
    }

    Measurement plus(double constantMillis) {
        return new Measurement(millis.stream().map(time -> time + constantMillis).toList());
    }
}
