package dev.chatserver.bootstrap.attacks;

import java.util.Map;

/**
 * The demo users as most attacks cast them: lynx attacks, ocelot is the other member of lynx's private session
 * ({@code attacked}), and support is the victim, who reads its own session with ocelot ({@code victims}, which
 * holds one message from the start) throughout.
 */
record Cast(Party lynx, Party ocelot, Party support, String attacked, String victims) {
    static Cast on(AttackNode node) {
        Party lynx = Party.signIn(node, "lynx");
        Party ocelot = Party.signIn(node, "ocelot");
        Party support = Party.signIn(node, "support");
        String attacked = node.privateSession(lynx.token(), ocelot.id());
        String victims = node.privateSession(support.token(), ocelot.id());
        node.client().rpc("/im_chat/post", Map.of("uuid", victims, "message_type", "message",
                "message_content", "Before the attack"), ocelot.token());
        return new Cast(lynx, ocelot, support, attacked, victims);
    }
}
