package dev.chatserver.bootstrap.attacks;

import dev.chatserver.bootstrap.kit.ApiClient;
import org.assertj.core.api.SoftAssertions;

import java.util.Map;
import java.util.Set;

/**
 * What must hold after every attack, gathered once it ended: the node is alive and says it is up, no
 * {@code OutOfMemoryError} reached its output, the victim's reads were all answered within a p99 under a second,
 * the victim can sign in afresh and post, and every post the server acknowledged is stored.
 */
record Aftermath(boolean alive, int healthStatus, String health, boolean outOfMemory, Latencies victim,
                 String freshSignInFailure, String freshPostFailure, Set<Long> lost, String lostFailure) {
    static final double P99_MILLIS = 1000;

    /** {@code victimLogin} signs in again and posts into {@code victimSession}, which the ledger then tracks. */
    static Aftermath check(AttackNode node, Latencies victim, Ledger ledger, String victimLogin, String victimSession) {
        boolean alive = node.isAlive();
        int healthStatus;
        String health;
        try {
            ApiClient.Response answer = node.client().get("/healthz", Map.of());
            healthStatus = answer.status();
            health = answer.raw().body();
        } catch (RuntimeException noAnswer) {
            healthStatus = -1;
            health = noAnswer.toString();
        }
        String signInFailure = null;
        String postFailure = null;
        String token = null;
        try {
            token = node.signIn(victimLogin);
        } catch (RuntimeException failed) {
            signInFailure = failed.toString();
        }
        if (token == null) {
            postFailure = "not signed in";
        } else {
            try {
                ledger.track(victimSession, token);
                ApiClient.Response post = ledger.record(victimSession, node.client().rpc("/im_chat/post",
                        Map.of("uuid", victimSession, "message_type", "message", "message_content", "Still here"), token));
                if (Outcome.of(post) != Outcome.ACCEPTED || !post.result().has("message_id")) {
                    postFailure = post.status() + " " + post.raw().body();
                }
            } catch (RuntimeException failed) {
                postFailure = failed.toString();
            }
        }
        Set<Long> lost = Set.of();
        String lostFailure = null;
        try {
            lost = ledger.lost(node.client());
        } catch (RuntimeException unread) {
            lostFailure = unread.toString();
        }
        return new Aftermath(alive, healthStatus, health, node.sawOutOfMemory(), victim, signInFailure, postFailure,
                lost, lostFailure);
    }

    void assertSurvived(SoftAssertions soft) {
        soft.assertThat(alive).as("the node is alive").isTrue();
        soft.assertThat(healthStatus).as("/healthz answers 200: %s", health).isEqualTo(200);
        soft.assertThat(health).as("/healthz says up").contains("\"status\":\"up\"");
        soft.assertThat(outOfMemory).as("no OutOfMemoryError in the node's output").isFalse();
        soft.assertThat(victim.failed()).as("the victim's reads that failed, first ones: %s", victim.firstFailures()).isZero();
        soft.assertThat(victim.reads()).as("the victim read throughout").isPositive();
        soft.assertThat(victim.p99()).as("the victim's p99 in ms").isLessThan(P99_MILLIS);
        soft.assertThat(freshSignInFailure).as("a fresh sign-in works").isNull();
        soft.assertThat(freshPostFailure).as("a fresh post works").isNull();
        soft.assertThat(lostFailure).as("the histories could be read back").isNull();
        soft.assertThat(lost).as("acknowledged posts missing from the history").isEmpty();
    }

    String summary() {
        return victim.summary() + " alive=" + alive + " healthz=" + healthStatus + " oom=" + outOfMemory
                + " lost=" + lost.size() + (lostFailure == null ? "" : " (history unreadable)");
    }
}
