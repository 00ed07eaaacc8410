package dev.chatserver.bootstrap.ops;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.OptionalDouble;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A scrape parsed as Prometheus' text exposition format (version 0.0.4): every line a comment, a {@code HELP}, a
 * {@code TYPE} or a sample; anything else is refused with the line, so a broken exposition fails the test.
 */
final class Exposition {
    private static final String NAME = "[a-zA-Z_:][a-zA-Z0-9_:]*";
    private static final Pattern HELP = Pattern.compile("# HELP (" + NAME + ") .*");
    private static final Pattern TYPE = Pattern.compile("# TYPE (" + NAME + ") (counter|gauge|histogram|summary|untyped)");
    private static final Pattern SAMPLE = Pattern.compile(
            "(" + NAME + ")(\\{(.*)})? ([-+]?(?:[0-9.]+(?:[eE][-+]?[0-9]+)?|Inf|NaN))( -?[0-9]+)?");
    private static final Pattern LABEL = Pattern.compile("([a-zA-Z_][a-zA-Z0-9_]*)=\"((?:[^\"\\\\]|\\\\.)*)\"(,|$)");

    record Sample(String name, Map<String, String> labels, double value) {
    }

    final Map<String, String> types = new HashMap<>();
    final List<Sample> samples = new ArrayList<>();

    static Exposition parse(String text) {
        Exposition exposition = new Exposition();
        for (String line : text.split("\n")) {
            if (line.isEmpty()) {
                continue;
            }
            Matcher type = TYPE.matcher(line);
            if (type.matches()) {
                if (exposition.types.put(type.group(1), type.group(2)) != null) {
                    throw new AssertionError("a second TYPE for " + type.group(1));
                }
                continue;
            }
            if (HELP.matcher(line).matches() || line.startsWith("# ") && !line.startsWith("# TYPE")) {
                continue;
            }
            Matcher sample = SAMPLE.matcher(line);
            if (!sample.matches()) {
                throw new AssertionError("not Prometheus text exposition: " + line);
            }
            exposition.samples.add(new Sample(sample.group(1), labels(sample.group(3), line), number(sample.group(4))));
        }
        return exposition;
    }

    private static Map<String, String> labels(String text, String line) {
        Map<String, String> labels = new TreeMap<>();
        if (text == null || text.isEmpty()) {
            return labels;
        }
        Matcher label = LABEL.matcher(text);
        int at = 0;
        while (at < text.length()) {
            if (!label.find(at) || label.start() != at) {
                throw new AssertionError("labels not in exposition format: " + line);
            }
            if (labels.put(label.group(1), label.group(2)) != null) {
                throw new AssertionError("a label twice: " + line);
            }
            at = label.end();
        }
        return labels;
    }

    private static double number(String text) {
        return switch (text) {
            case "+Inf", "Inf" -> Double.POSITIVE_INFINITY;
            case "-Inf" -> Double.NEGATIVE_INFINITY;
            default -> Double.parseDouble(text);
        };
    }

    /** The value of the one sample named so whose labels include {@code labels}; empty when there is none. */
    OptionalDouble value(String name, Map<String, String> labels) {
        List<Sample> found = samples.stream().filter(s -> s.name().equals(name))
                .filter(s -> s.labels().entrySet().containsAll(labels.entrySet())).toList();
        if (found.size() > 1) {
            throw new AssertionError(found.size() + " samples of " + name + " " + labels + ": " + found);
        }
        return found.isEmpty() ? OptionalDouble.empty() : OptionalDouble.of(found.get(0).value());
    }

    double value(String name) {
        return value(name, Map.of()).orElseThrow(() -> new AssertionError("no sample " + name));
    }

    /** The samples named so, by their labels. */
    Map<Map<String, String>, Double> series(String name) {
        Map<Map<String, String>, Double> series = new LinkedHashMap<>();
        samples.stream().filter(s -> s.name().equals(name)).forEach(s -> series.put(s.labels(), s.value()));
        return series;
    }
}
