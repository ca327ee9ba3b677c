package io.github.sqliteconsole.benchmarks;

import java.util.List;
import java.util.Locale;

/**
 * One line of the results table: the console's time next to its baseline's, their ratio, and the
 * target from the feature issue (null when there is none: the figure is then informational).
 */
record Result(String operation, Measurement console, String baselineName, Measurement baseline, Double targetRatio,
              String note) {

    double ratio() {
        return console.median() / baseline.median();
    }

    String verdict() {
        if (targetRatio == null) {
            return "—";
        }
        return ratio() <= targetRatio ? "pass" : "MISSED";
    }

    static String markdown(List<Result> results, String heading) {
        StringBuilder out = new StringBuilder(heading).append("\n\n")
                .append("| operation | console median (min–max) | baseline | baseline median | ratio | target | result | note |\n")
                .append("|---|---|---|---|---|---|---|---|\n");
        for (Result result : results) {
            out.append(String.format(Locale.ROOT, "| %s | %.0f ms (%.0f–%.0f) | %s | %.0f ms | %.2f | %s | %s | %s |%n",
                    result.operation(), result.console().median(), result.console().min(), result.console().max(),
                    result.baselineName(), result.baseline().median(), result.ratio(),
                    result.targetRatio() == null ? "—" : String.format(Locale.ROOT, "≤ %.2f", result.targetRatio()),
                    result.verdict(), result.note() == null ? "" : result.note()));
        }
        return out.toString();
    }
}
