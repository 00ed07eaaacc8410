package dev.chatserver.bootstrap;

import ch.qos.logback.classic.LoggerContext;
import dev.chatserver.domain.problem.ChatProblem;
import org.slf4j.LoggerFactory;

import java.util.concurrent.CountDownLatch;

/** Starts the server, or runs a provisioning subcommand, as the command line says. */
public final class Main {
    private static final int BAD_CONFIGURATION = 2;
    private static final int REFUSED = 1;

    private Main() {
    }

    public static void main(String[] args) {
        try {
            Options options = Options.parse(args, System.getenv());
            Settings settings = Settings.from(options);
            if (ProvisioningCommand.isOne(options.words())) {
                System.out.println(ProvisioningCommand.run(settings, options.words()));
                return;
            }
            serve(settings);
        } catch (StartupFailure e) {
            System.err.println("chat-server: " + e.getMessage());
            System.exit(BAD_CONFIGURATION);
        } catch (ChatProblem e) {
            System.err.println("chat-server: " + (e.field() == null ? "" : e.field() + ": ") + e.getMessage());
            System.exit(REFUSED);
        }
    }

    /** The request log is written asynchronously: stopping the logging context writes out what is queued. */
    private static void flushLogs() {
        if (LoggerFactory.getILoggerFactory() instanceof LoggerContext logging) {
            logging.stop();
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
