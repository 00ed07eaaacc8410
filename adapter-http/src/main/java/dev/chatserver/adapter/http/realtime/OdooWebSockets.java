package dev.chatserver.adapter.http.realtime;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.chatserver.application.port.in.account.FindPartners;
import dev.chatserver.application.port.in.presence.FollowPresence;
import dev.chatserver.application.port.in.realtime.Feed;
import dev.chatserver.application.port.in.realtime.Listener;
import io.javalin.http.Context;
import jakarta.inject.Inject;

import java.util.EnumMap;
import java.util.Map;
import java.util.Optional;

/**
 * What the WebSocket needs to serve Odoo web clients: which Odoo version an upgrade request comes from, if
 * any, the writer of that version's notifications (one per version, so a notification fanned out to many
 * Odoo connections is rendered once) and the handler of the frames its worker sends.
 */
public final class OdooWebSockets {
    private final UnversionedWebSocket unversioned;
    private final FollowPresence presence;
    private final ObjectMapper mapper;
    private final Map<OdooBusVersion, NotificationWriter> writers = new EnumMap<>(OdooBusVersion.class);

    @Inject
    public OdooWebSockets(UnversionedWebSocket unversioned, FindPartners partners, FollowPresence presence,
                          ObjectMapper mapper) {
        this.unversioned = unversioned;
        this.presence = presence;
        this.mapper = mapper;
        KnownPartners known = new KnownPartners(partners);
        for (OdooBusVersion version : OdooBusVersion.values()) {
            writers.put(version, new NotificationWriter(mapper, version.renderer(known)));
        }
    }

    /** The Odoo version of the worker opening this socket; empty for a client of docs/realtime.md. */
    Optional<OdooBusVersion> versionOf(Context upgrade) {
        return OdooBusVersion.of(upgrade.queryParam(OdooBusVersion.VERSION_PARAMETER),
                upgrade.queryParam(OdooBusVersion.PROTOCOL_PARAMETER), unversioned);
    }

    NotificationWriter writer(OdooBusVersion version) {
        return writers.get(version);
    }

    /** What handles the frames an Odoo worker sends on this connection. */
    OdooBusFrames frames(Listener listener, Feed feed, WebSocketConnection connection) {
        return new OdooBusFrames(listener, feed, connection, presence, mapper);
    }
}
