package io.zerowire.benchmarks.report;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Turns a JMH JSON result file into the Markdown tables of BENCHMARKS.md: per benchmark class (and
 * parameters), each implementation's score, error and {@code gc.alloc.rate.norm}, and its ratio to
 * Zerowire for the same variant (the method name without the implementation: {@code pcap4jVerified}
 * is compared with {@code zerowireVerified}). For times, a ratio above 1 means Zerowire is that many
 * times faster; the baseline ({@code hand}, {@code naive16}) is given the other way round too.
 * Run: {@code java -cp benchmarks.jar io.zerowire.benchmarks.report.Report results.json}.
 */
public final class Report {
    private static final String[] IMPLEMENTATIONS = {"zerowire", "hand", "netty", "pcap4j", "pkts", "naive16"};

    private Report() {}

    public static void main(String[] args) throws IOException {
        if (args.length != 1) {
            System.err.println("usage: Report results.json");
            System.exit(2);
        }
        System.out.print(render(new ObjectMapper().readTree(Path.of(args[0]).toFile())));
    }

    /** One row: a benchmark method with its parameters. */
    private static final class Row {
        String implementation;
        String variant;
        double score;
        double error;
        String unit;
        double bytesPerOp = Double.NaN;
        Map<String, Double> secondary = new LinkedHashMap<>();
    }

    static String render(JsonNode results) {
        Map<String, List<Row>> groups = new LinkedHashMap<>();
        for (JsonNode result : results) {
            String benchmark = result.get("benchmark").asText();
            int dot = benchmark.lastIndexOf('.');
            String group = benchmark.substring(benchmark.lastIndexOf('.', dot - 1) + 1, dot) + params(result);
            Row row = new Row();
            String method = benchmark.substring(dot + 1);
            row.implementation = method;
            row.variant = "";
            for (String implementation : IMPLEMENTATIONS) {
                if (method.startsWith(implementation)) {
                    row.implementation = implementation;
                    row.variant = method.substring(implementation.length());
                    break;
                }
            }
            JsonNode primary = result.get("primaryMetric");
            row.score = primary.get("score").asDouble();
            row.error = primary.get("scoreError").asDouble();
            row.unit = primary.get("scoreUnit").asText();
            JsonNode secondary = result.get("secondaryMetrics");
            if (secondary != null) {
                secondary.properties().forEach(e -> {
                    if (e.getKey().equals("gc.alloc.rate.norm")) {
                        row.bytesPerOp = e.getValue().get("score").asDouble();
                    } else if (!e.getKey().startsWith("gc.")) {
                        row.secondary.put(e.getKey(), e.getValue().get("score").asDouble());
                    }
                });
            }
            groups.computeIfAbsent(group, g -> new ArrayList<>()).add(row);
        }
        StringBuilder out = new StringBuilder();
        for (Map.Entry<String, List<Row>> group : groups.entrySet()) {
            out.append("\n### ").append(group.getKey()).append("\n\n");
            out.append("| implementation | variant | score | unit | B/op | vs zerowire |\n");
            out.append("| --- | --- | ---: | --- | ---: | ---: |\n");
            for (Row row : group.getValue()) {
                Row zerowire = find(group.getValue(), "zerowire", row.variant);
                out.append("| ").append(row.implementation).append(" | ").append(row.variant.isEmpty() ? "-" : row.variant)
                        .append(" | ").append(number(row.score)).append(" ± ").append(number(row.error))
                        .append(" | ").append(row.unit).append(" | ").append(bytes(row.bytesPerOp)).append(" | ")
                        .append(ratio(row, zerowire)).append(" |\n");
                for (Map.Entry<String, Double> counter : row.secondary.entrySet()) {
                    out.append("| ").append(row.implementation).append(" | ").append(counter.getKey()).append(" | ")
                            .append(rate(counter.getKey(), counter.getValue(), row.unit)).append(" | | | |\n");
                }
            }
        }
        return out.toString();
    }

    /**
     * An operations counter in an average-time run is reported as time per counted item (for
     * example ms per byte): turned back into items per second, bytes as MB/s.
     */
    private static String rate(String counter, double timePerItem, String unit) {
        double perSecond = 1 / (timePerItem * (unit.startsWith("ms") ? 1e-3 : unit.startsWith("us") ? 1e-6
                : unit.startsWith("ns") ? 1e-9 : 1));
        return counter.equals("bytes")
                ? String.format(Locale.ROOT, "%.0f MB/s", perSecond / 1e6)
                : String.format(Locale.ROOT, "%,.0f %s/s", perSecond, counter);
    }

    private static String params(JsonNode result) {
        JsonNode params = result.get("params");
        if (params == null) {
            return "";
        }
        StringBuilder text = new StringBuilder();
        params.properties().forEach(e -> {
            if (!e.getKey().equals("file")) {
                text.append(text.length() == 0 ? " (" : ", ").append(e.getKey()).append('=').append(e.getValue().asText());
            }
        });
        return text.length() == 0 ? "" : text.append(')').toString();
    }

    private static Row find(List<Row> rows, String implementation, String variant) {
        for (Row row : rows) {
            if (row.implementation.equals(implementation) && row.variant.equals(variant)) {
                return row;
            }
        }
        return null;
    }

    /** How many times faster Zerowire is than {@code row} (times: row / zerowire; throughputs: zerowire / row). */
    private static String ratio(Row row, Row zerowire) {
        if (zerowire == null || row == zerowire) {
            return "";
        }
        boolean throughput = row.unit.startsWith("ops/");
        double r = throughput ? zerowire.score / row.score : row.score / zerowire.score;
        return String.format(Locale.ROOT, "%.2fx", r);
    }

    private static String number(double v) {
        if (Double.isNaN(v)) {
            return "";
        }
        return String.format(Locale.ROOT, v >= 100 ? "%,.0f" : v >= 10 ? "%.1f" : "%.3g", v);
    }

    private static String bytes(double v) {
        return Double.isNaN(v) ? "" : v < 0.5 ? "0" : String.format(Locale.ROOT, "%,.0f", v);
    }
}
