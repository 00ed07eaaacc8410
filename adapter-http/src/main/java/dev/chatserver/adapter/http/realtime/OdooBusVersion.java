package dev.chatserver.adapter.http.realtime;

import java.util.Optional;

/**
 * Which Odoo web client's bus code is on the other end of a WebSocket, told apart as Odoo's own server does:
 * by the worker's {@code version} query parameter on {@code /websocket} (Odoo 17 sends e.g.
 * {@code ?version=17.0-3}). Odoo 16's worker names none: a connection without it speaks the protocol of
 * docs/realtime.md, or Odoo 16's where {@code --ws-unversioned odoo16} says so.
 */
enum OdooBusVersion {
    ODOO_16, ODOO_17;

    static final String VERSION_PARAMETER = "version";
    /** {@code ?protocol=api} asks for the protocol of docs/realtime.md whatever {@code --ws-unversioned} says. */
    static final String PROTOCOL_PARAMETER = "protocol";

    /**
     * {@code 16.x} and {@code saas-16.x} are Odoo 16; any other version names a later worker, read as 17. No
     * version is what {@code unversioned} says; {@code protocol=api} is always the protocol of docs/realtime.md.
     */
    static Optional<OdooBusVersion> of(String versionParameter, String protocolParameter, UnversionedWebSocket unversioned) {
        if ("api".equals(protocolParameter)) {
            return Optional.empty();
        }
        if (versionParameter == null || versionParameter.isBlank()) {
            return unversioned == UnversionedWebSocket.ODOO16 ? Optional.of(ODOO_16) : Optional.empty();
        }
        String version = versionParameter.strip().replaceFirst("^saas[-~]", "");
        return Optional.of(version.startsWith("16") ? ODOO_16 : ODOO_17);
    }

    NotificationRenderer renderer(KnownPartners partners) {
        return this == ODOO_16 ? new Odoo16NotificationRenderer(partners) : new Odoo17NotificationRenderer(partners);
    }
}
