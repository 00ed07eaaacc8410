package dev.chatserver.benchmark;

import java.util.Arrays;

/** Entry point of the benchmark jar: {@code ceiling}, {@code fanout}, {@code idle}, {@code report}, {@code hotspots} or {@code uploads}, each with its flags. */
public final class Bench {
    private Bench() {
    }

    public static void main(String[] args) throws Exception {
        if (args.length == 0) {
            System.err.println("usage: java -jar benchmark.jar ceiling|fanout|idle|report|hotspots|uploads --flag value ...");
            System.exit(2);
        }
        Args flags = Args.parse(Arrays.copyOfRange(args, 1, args.length));
        switch (args[0]) {
            case "ceiling" -> Ceiling.run(flags);
            case "fanout" -> Fanout.run(flags);
            case "idle" -> IdleConnections.run(flags);
            case "report" -> Report.run(flags);
            case "hotspots" -> Hotspots.run(flags);
            case "uploads" -> FileUploads.run(flags);
            default -> {
                System.err.println("unknown command " + args[0]);
                System.exit(2);
            }
        }
    }
}
