package dev.chatserver.bootstrap.attacks;

import com.fasterxml.jackson.databind.JsonNode;
import dev.chatserver.bootstrap.DemoData;
import dev.chatserver.bootstrap.kit.ApiClient;
import dev.chatserver.bootstrap.kit.ServerProcess;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * One node of the packaged jar for one attack, as an operator runs it: H2 in a directory of its own, a 512 MB
 * heap and the default flags; only flags that make a scenario possible are added ({@code --demo} always).
 */
final class AttackNode implements AutoCloseable {
    static final List<String> JVM_OPTIONS = List.of("-Xmx512m");
    private static final String OUT_OF_MEMORY = "OutOfMemoryError";

    private final ServerProcess process;
    private final List<String> extraLogins;

    private AttackNode(ServerProcess process, List<String> extraLogins) {
        this.process = process;
        this.extraLogins = extraLogins;
    }

    /** Provisions {@code extraLogins} (besides the demo users) with the jar's {@code user add}, then starts the node. */
    static AttackNode start(Path work, List<String> scenarioFlags, List<String> extraLogins) {
        List<String> storage = List.of("--storage", "h2", "--data-dir", work.resolve("data").toString());
        for (String login : extraLogins) {
            List<String> add = new ArrayList<>(List.of("user", "add", "--login", login, "--name", login,
                    "--password", passwordOf(login)));
            add.addAll(storage);
            ServerProcess.Finished done = ServerProcess.run(work, add);
            if (done.exitCode() != 0) {
                throw new IllegalStateException("could not provision " + login + ": " + done.output());
            }
        }
        List<String> flags = new ArrayList<>(storage);
        flags.add("--demo");
        flags.addAll(scenarioFlags);
        return new AttackNode(ServerProcess.start(work, JVM_OPTIONS, flags), extraLogins);
    }

    private static String passwordOf(String login) {
        return DemoData.USERS.stream().filter(u -> u.login().equals(login)).map(DemoData.DemoUser::password)
                .findFirst().orElse(login + "-attack-password");
    }

    /** A client with a connection pool of its own, so one party's requests never queue behind another's. */
    ApiClient client() {
        return process.client();
    }

    String signIn(String login) {
        if (!extraLogins.contains(login) && DemoData.USERS.stream().noneMatch(u -> u.login().equals(login))) {
            throw new IllegalArgumentException("no such user on this node: " + login);
        }
        return client().signIn(login, passwordOf(login));
    }

    String password(String login) {
        return passwordOf(login);
    }

    int port() {
        return process.port();
    }

    boolean isAlive() {
        return process.isAlive();
    }

    boolean sawOutOfMemory() {
        return process.output().contains(OUT_OF_MEMORY);
    }

    String output() {
        return process.output();
    }

    /** The heap in use now, summed over the heap's pools, from {@code /metrics}. */
    long heapUsedBytes() {
        String metrics = client().get("/metrics", Map.of()).raw().body();
        return (long) metrics.lines().filter(line -> line.startsWith("jvm_memory_used_bytes{area=\"heap\""))
                .mapToDouble(line -> Double.parseDouble(line.substring(line.lastIndexOf(' ') + 1))).sum();
    }

    /** The private session of the token's user with {@code userTo} (opened if need be): its uuid. */
    String privateSession(String token, long userTo) {
        JsonNode session = client().rpc("/im_chat/api/get_or_create_session", Map.of("user_to", userTo), token).result();
        if (session == null || !session.has("uuid")) {
            throw new IllegalStateException("no session with user " + userTo + ": " + session);
        }
        return session.get("uuid").asText();
    }

    @Override
    public void close() {
        process.close();
    }
}
