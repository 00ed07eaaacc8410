package dev.chatserver.domain.chats;

/** What names a chat for its tenant: an audience and a scope in it; no two chats share one. */
public record ChatKey(String audience, String scope) {
    public ChatKey {
        audience = Names.require("audience", audience);
        scope = Names.require("scope", scope);
    }

    @Override
    public String toString() {
        return audience + "/" + scope;
    }
}
