package dev.chatserver.bootstrap.attacks;

import java.util.Map;

/** A signed-in user taking part in an attack: attacker, accomplice or victim. */
record Party(String login, String token, long id) {
    static Party signIn(AttackNode node, String login) {
        String token = node.signIn(login);
        long id = node.client().rpc("/web/session/get_session_info", Map.of(), token).result().get("uid").asLong();
        return new Party(login, token, id);
    }

    String ownChannel() {
        return "user:" + id;
    }
}
