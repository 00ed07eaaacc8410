package dev.chatserver.bootstrap;

import ch.qos.logback.classic.LoggerContext;
import dev.chatserver.domain.problem.ChatProblem;
import org.slf4j.ILoggerFactory;
import org.slf4j.LoggerFactory;

import java.io.InputStream;
import java.io.PrintStream;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CountDownLatch;

/** Starts the server, or runs a provisioning subcommand, as the command line says. */
public final class Main {
    private static final int BAD_CONFIGURATION = 2;
    private static final int REFUSED = 1;

    private Main() {
    }

    public static void main(String[] args) {
        int code = run(args, System.getenv(), System.in, System.out, System.err);
        if (code != 0) {
            System.exit(code);
        }
    }

    /** Does what the command line says; answers the exit code once it is done (serving ends only with the JVM). */
    static int run(String[] args, Map<String, String> environment, InputStream in, PrintStream out, PrintStream err) {
        Optional<String> usage = Usage.asked(args);
        if (usage.isPresent()) {
            out.println(usage.get());
            return 0;
        }
        Options options = null;
        try {
            options = Options.parse(args, environment);
            Settings settings = Settings.from(options);
            if (ProvisioningCommand.isOne(options.words())) {
                out.println(ProvisioningCommand.run(settings, options, in));
                return 0;
            }
            serve(settings);
            return 0;
        } catch (StartupFailure e) {
            err.println("chat-server: " + (options == null ? e.getMessage() : options.inUsersWords(e.getMessage())));
            return BAD_CONFIGURATION;
        } catch (ChatProblem e) {
            err.println("chat-server: " + (e.field() == null ? "" : e.field() + ": ") + e.getMessage());
            return REFUSED;
        }
    }

    /**
     * The runnable jar's request log is written asynchronously: stopping the logging context writes out what is
     * queued. The library jar has no logback (the host brings its own logging), so it is asked for by name.
     */
    private static void flushLogs() {
        ILoggerFactory logging = LoggerFactory.getILoggerFactory();
        if ("ch.qos.logback.classic.LoggerContext".equals(logging.getClass().getName())) {
            ((LoggerContext) logging).stop();
        }
    }

    private static void serve(Settings settings) {
        ChatServer server = ChatServer.start(settings);
        CountDownLatch stopped = new CountDownLatch(1);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            server.close();
            flushLogs();
            stopped.countDown();
        }, "chat-server-shutdown"));
        try {
            stopped.await();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
