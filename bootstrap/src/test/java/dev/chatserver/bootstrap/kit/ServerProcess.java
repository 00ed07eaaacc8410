package dev.chatserver.bootstrap.kit;

import org.junit.jupiter.api.Assumptions;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/** The packaged jar run as a real process, as a user runs it. */
public final class ServerProcess implements AutoCloseable {
    private static final Duration START_TIMEOUT = Duration.ofSeconds(60);
    /** What the server logs once it listens: only then is the one answering on its port this process. */
    private static final String LISTENING = "chat server listening on port ";

    private final Process process;
    private final Path output;
    private final int port;

    private ServerProcess(Process process, Path output, int port) {
        this.process = process;
        this.output = output;
        this.port = port;
    }

    public static Path jar() {
        String jar = System.getProperty("chat.jar");
        if (jar == null || !Files.exists(Path.of(jar))) {
            throw new IllegalStateException("the packaged jar is missing (" + jar + "): run through 'mvn verify'");
        }
        return Path.of(jar);
    }

    /** Runs the jar to completion (a subcommand or a failed start) and answers its exit code and output. */
    public static Finished run(Path workDir, List<String> args) {
        try {
            Path out = Files.createTempFile(workDir, "run", ".log");
            Process process = builder(workDir, List.of(), args, out).start();
            if (!process.waitFor(60, TimeUnit.SECONDS)) {
                process.destroyForcibly();
                throw new IllegalStateException("the command did not finish: " + args);
            }
            return new Finished(process.exitValue(), Files.readString(out));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    public record Finished(int exitCode, String output) {
    }

    /** Starts the server with the given flags on a free port and waits until it is healthy. */
    public static ServerProcess start(Path workDir, List<String> flags) {
        return start(workDir, List.of(), flags);
    }

    /** The same in a JVM given these options (e.g. {@code -Xmx512m}, the heap an attack is tried against). */
    public static ServerProcess start(Path workDir, List<String> jvmOptions, List<String> flags) {
        int port = freePort();
        List<String> args = new ArrayList<>(flags);
        args.addAll(List.of("--port", Integer.toString(port)));
        return start(workDir, jvmOptions, args, port);
    }

    /**
     * The same on {@code port}, which must be free: a node started again where a proxy expects it (a restart).
     */
    public static ServerProcess startOn(Path workDir, List<String> flags, int port) {
        List<String> args = new ArrayList<>(flags);
        args.addAll(List.of("--port", Integer.toString(port)));
        return start(workDir, List.of(), args, port);
    }

    /**
     * Starts the server exactly as {@code java -jar chat-server.jar} with no argument: port 8080. When another
     * process holds 8080 the test is skipped, saying so, rather than run against a server it did not start.
     */
    public static ServerProcess startWithNoArguments(Path workDir) {
        Assumptions.assumeTrue(isFree(8080), "port 8080 is held by another process; the jar cannot be tried with"
                + " no arguments here");
        return start(workDir, List.of(), List.of(), 8080);
    }

    private static boolean isFree(int port) {
        try (ServerSocket probe = new ServerSocket()) {
            probe.bind(new InetSocketAddress("0.0.0.0", port));
            return true;
        } catch (IOException e) {
            return false;
        }
    }

    private static ServerProcess start(Path workDir, List<String> jvmOptions, List<String> args, int port) {
        try {
            Path out = Files.createTempFile(workDir, "server", ".log");
            ServerProcess server = new ServerProcess(builder(workDir, jvmOptions, args, out).start(), out, port);
            server.awaitHealthy();
            return server;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static ProcessBuilder builder(Path workDir, List<String> jvmOptions, List<String> args, Path out) {
        List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString()));
        command.addAll(jvmOptions);
        command.addAll(List.of("-jar", jar().toString()));
        command.addAll(args);
        ProcessBuilder builder = new ProcessBuilder(command).directory(workDir.toFile())
                .redirectErrorStream(true).redirectOutput(out.toFile());
        Map<String, String> env = builder.environment();
        env.keySet().removeIf(name -> name.startsWith("CHAT_"));
        return builder;
    }

    public static int freePort() {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private void awaitHealthy() {
        ApiClient client = client();
        Instant deadline = Instant.now().plus(START_TIMEOUT);
        while (Instant.now().isBefore(deadline)) {
            if (!process.isAlive()) {
                throw new IllegalStateException("the server exited with " + process.exitValue() + ": " + output());
            }
            try {
                if (output().contains(LISTENING + port + " ") && client.get("/healthz", Map.of()).status() == 200) {
                    return;
                }
            } catch (UncheckedIOException notYet) {
                // not listening yet
            }
            pause();
        }
        process.destroyForcibly();
        throw new IllegalStateException("the server did not become healthy: " + output());
    }

    private static void pause() {
        try {
            TimeUnit.MILLISECONDS.sleep(100);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    public ApiClient client() {
        return new ApiClient("http://127.0.0.1:" + port);
    }

    public int port() {
        return port;
    }

    public boolean isAlive() {
        return process.isAlive();
    }

    public String output() {
        try {
            return Files.readString(output);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** SIGTERM, and waits for the process to end; answers its exit code. */
    public int terminate() {
        process.destroy();
        return awaitExit();
    }

    /** SIGKILL: no shutdown hook runs. */
    public void kill() {
        process.destroyForcibly();
        awaitExit();
    }

    private int awaitExit() {
        try {
            if (!process.waitFor(60, TimeUnit.SECONDS)) {
                process.destroyForcibly();
                throw new IllegalStateException("the server did not stop: " + output());
            }
            return process.exitValue();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    @Override
    public void close() {
        if (process.isAlive()) {
            process.destroyForcibly();
            awaitExit();
        }
    }
}
