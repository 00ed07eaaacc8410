package dev.chatserver.benchmark;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Writes the table of a run from what the runner left in the results folder: {@code meta.txt} (tab-separated
 * facts about the run), {@code rows.tsv} (key, scenario, kind, target) and one {@code KEY.json} per row.
 * Targets are printed beside the numbers for the reader; nothing here passes or fails a run.
 */
final class Report {
    private static final ObjectMapper MAPPER = new ObjectMapper()
            .enable(com.fasterxml.jackson.core.json.JsonReadFeature.ALLOW_NON_NUMERIC_NUMBERS.mappedFeature());

    private Report() {
    }

    static void run(Args args) throws IOException {
        Path results = Path.of(args.required("results"));
        Path out = Path.of(args.required("out"));
        List<String> lines = new ArrayList<>();
        for (String fact : Files.readAllLines(results.resolve("meta.txt"))) {
            String[] parts = fact.split("\t", 2);
            if (parts.length == 2) {
                lines.add("- " + parts[0] + ": " + parts[1]);
            }
        }
        lines.add("");
        double ceiling = ceilingRps(results);
        lines.add("| scenario | throughput | × ceiling | p50 | p99 | errors | target |");
        lines.add("|---|---|---|---|---|---|---|");
        for (String row : Files.readAllLines(results.resolve("rows.tsv"))) {
            String[] cells = row.split("\t");
            if (cells.length < 4) {
                continue;
            }
            lines.add(line(results.resolve(cells[0] + ".json"), cells[1], cells[2], cells[3], ceiling));
        }
        lines.add("");
        Files.write(out, lines);
        lines.forEach(System.out::println);
    }

    private static double ceilingRps(Path results) throws IOException {
        Path file = results.resolve("ceiling.json");
        if (!Files.exists(file)) {
            return Double.NaN;
        }
        return MAPPER.readTree(file.toFile()).path("rps").asDouble(Double.NaN);
    }

    private static String line(Path file, String label, String kind, String target, double ceiling)
            throws IOException {
        if (!Files.exists(file)) {
            return cells(label, "not measured: no result", "", "", "", "", target);
        }
        JsonNode r = MAPPER.readTree(file.toFile());
        if (r.has("skipped")) {
            return cells(label, "not measured: " + r.get("skipped").asText(), "", "", "", "", target);
        }
        return switch (kind) {
            case "wrk" -> cells(label, String.format(Locale.ROOT, "%,.0f req/s", r.path("rps").asDouble()),
                    String.format(Locale.ROOT, "%.2f", r.path("rps").asDouble() / ceiling),
                    ms(r.path("p50_ms")), ms(r.path("p99_ms")),
                    errors(r.path("errors").asLong() + r.path("socket_errors").asLong() + r.path("timeouts").asLong(),
                            r.path("requests").asLong(), r.path("first_error").asText("")),
                    target);
            case "fanout" -> cells(label,
                    String.format(Locale.ROOT, "%,d deliveries of %,d expected (%d posts/s × %d subscribers)",
                            r.path("deliveries").asLong(), r.path("expected_deliveries").asLong(),
                            r.path("rate_per_s").asInt(), r.path("subscribers").asInt()),
                    "", ms(r.path("delivery").path("p50_ms")), ms(r.path("delivery").path("p99_ms")),
                    String.format(Locale.ROOT, "%d post errors, %d sockets failed, %d closed by server",
                            r.path("post_errors").asLong(), r.path("failed_to_open").asLong(),
                            r.path("closed_by_server").asLong()),
                    target + String.format(Locale.ROOT, " (post answered p99 %s)",
                            ms(r.path("post_answer").path("p99_ms"))));
            case "idle" -> {
                long opened = r.path("opened").asLong();
                double before = r.path("heap_before_kb").asDouble();
                double after = r.path("heap_after_kb").asDouble();
                yield cells(label, String.format(Locale.ROOT,
                                "%,d open; heap %.0f MiB in all (%.0f MiB before); %.1f KiB per connection; RSS %.0f MiB",
                                opened, after / 1024, before / 1024, opened == 0 ? Double.NaN : (after - before) / opened,
                                r.path("rss_after_kb").asDouble() / 1024),
                        "", "", "", String.format(Locale.ROOT, "%d failed to open, %d not subscribed",
                                r.path("failed_to_open").asLong(), r.path("not_subscribed").asLong()), target);
            }
            case "heap" -> {
                double before = r.path("heap_before_kb").asDouble();
                yield cells(label, String.format(Locale.ROOT,
                                "%,d uploads of %.0f MB in %.1f s; server heap used at most %.0f MiB while they ran"
                                        + " (%.0f MiB before, %.0f MiB after, both after a GC)",
                                r.path("uploads").asLong(), r.path("bytes_each").asDouble() / (1024 * 1024),
                                r.path("seconds").asDouble(), r.path("heap_max_kb").asDouble() / 1024, before / 1024,
                                r.path("heap_after_kb").asDouble() / 1024),
                        "", ms(r.path("upload").path("p50_ms")), ms(r.path("upload").path("p99_ms")),
                        errors(r.path("errors").asLong(), r.path("uploads").asLong(), r.path("first_error").asText("")),
                        target);
            }
            default -> cells(label, "unknown kind " + kind, "", "", "", "", target);
        };
    }

    private static String ms(JsonNode value) {
        return value.isMissingNode() ? "" : String.format(Locale.ROOT, "%.1f ms", value.asDouble());
    }

    private static String errors(long errors, long requests, String sample) {
        if (errors == 0) {
            return "0";
        }
        String first = sample.isEmpty() ? "" : " (first: `" + sample.replace('|', '/').replace('\n', ' ') + "`)";
        return String.format(Locale.ROOT, "%,d of %,d%s", errors, requests, first);
    }

    private static String cells(String... cells) {
        return "| " + String.join(" | ", cells) + " |";
    }
}
