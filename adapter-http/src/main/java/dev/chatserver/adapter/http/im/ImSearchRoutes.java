package dev.chatserver.adapter.http.im;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.chatserver.adapter.http.Routes;
import dev.chatserver.adapter.http.auth.Authenticator;
import dev.chatserver.adapter.http.jsonrpc.JsonRpc;
import dev.chatserver.application.port.in.im.SearchCommand;
import dev.chatserver.application.port.in.im.SearchMessages;
import io.javalin.Javalin;
import jakarta.inject.Inject;

/** Searching the caller's messages ({@code /im_chat/api/search}). */
public final class ImSearchRoutes implements Routes {
    private final SearchMessages search;
    private final ImCalls calls;

    @Inject
    public ImSearchRoutes(SearchMessages search, Authenticator authenticator, ObjectMapper mapper) {
        this.search = search;
        this.calls = new ImCalls(new JsonRpc(mapper), authenticator);
    }

    @Override
    public void addTo(Javalin app) {
        app.post(ImSessionRoutes.API + "search", calls.handler((p, caller) -> ImPayloads.searchHits(search.search(
                SearchCommand.of(caller, p.requiredString("query"), p.optionalSession("uuid"), HistoryStart.of(p),
                        p.optionalLimit("limit"))))));
    }
}
