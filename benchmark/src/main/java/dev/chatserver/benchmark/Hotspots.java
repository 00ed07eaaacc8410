package dev.chatserver.benchmark;

import jdk.jfr.consumer.RecordedEvent;
import jdk.jfr.consumer.RecordedFrame;
import jdk.jfr.consumer.RecordedStackTrace;
import jdk.jfr.consumer.RecordingFile;

import java.io.IOException;
import java.nio.file.Path;
import java.time.LocalTime;
import java.time.ZoneOffset;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Reads a JFR recording and prints where the CPU went: the methods on top of the sampled stacks (self time) and
 * the methods of the packages given by {@code --focus} found anywhere on them (inclusive time), in per cent of
 * the samples. {@code --thread} keeps only threads whose name contains it; {@code --from} and {@code --to}
 * (UTC times of day, {@code HH:MM:SS}) keep only the samples between them, e.g. one scenario of a run.
 */
final class Hotspots {
    private Hotspots() {
    }

    static void run(Args args) throws IOException {
        Path file = Path.of(args.required("jfr"));
        int top = args.getInt("top", 25);
        List<String> focus = List.of(args.get("focus", "dev.chatserver").split(","));
        String thread = args.get("thread", "");
        LocalTime from = LocalTime.parse(args.get("from", "00:00:00"));
        LocalTime to = LocalTime.parse(args.get("to", "23:59:59"));
        Map<String, Integer> self = new HashMap<>();
        Map<String, Integer> inclusive = new HashMap<>();
        int samples = 0;
        for (RecordedEvent event : RecordingFile.readAllEvents(file)) {
            if (!event.getEventType().getName().equals("jdk.ExecutionSample")) {
                continue;
            }
            LocalTime at = LocalTime.ofInstant(event.getStartTime(), ZoneOffset.UTC);
            if (at.isBefore(from) || at.isAfter(to)) {
                continue;
            }
            if (!thread.isEmpty() && (event.getThread("sampledThread") == null
                    || !String.valueOf(event.getThread("sampledThread").getJavaName()).contains(thread))) {
                continue;
            }
            RecordedStackTrace stack = event.getStackTrace();
            if (stack == null || stack.getFrames().isEmpty()) {
                continue;
            }
            samples++;
            self.merge(name(stack.getFrames().get(0)), 1, Integer::sum);
            Set<String> seen = new HashSet<>();
            for (RecordedFrame frame : stack.getFrames()) {
                String name = name(frame);
                if (focus.stream().anyMatch(name::startsWith) && seen.add(name)) {
                    inclusive.merge(name, 1, Integer::sum);
                }
            }
        }
        System.out.printf("%d execution samples in %s%n%nself (top of stack):%n", samples, file);
        print(self, samples, top);
        System.out.printf("%ninclusive, methods of %s:%n", focus);
        print(inclusive, samples, top);
    }

    private static String name(RecordedFrame frame) {
        return frame.getMethod().getType().getName() + "." + frame.getMethod().getName();
    }

    private static void print(Map<String, Integer> counts, int samples, int top) {
        counts.entrySet().stream().sorted(Map.Entry.<String, Integer>comparingByValue().reversed()).limit(top)
                .forEach(e -> System.out.printf("%6.1f%%  %6d  %s%n", 100.0 * e.getValue() / samples, e.getValue(),
                        e.getKey()));
    }
}
