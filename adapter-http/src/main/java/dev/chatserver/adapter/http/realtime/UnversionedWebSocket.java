package dev.chatserver.adapter.http.realtime;

import java.util.Locale;

/**
 * What a {@code /websocket} connection that names no {@code version} speaks ({@code --ws-unversioned}): the
 * protocol of docs/realtime.md ({@code api}, the default) or Odoo 16's ({@code odoo16}), whose worker names
 * none. Odoo 17 and later name their version, so they are recognised either way.
 */
public enum UnversionedWebSocket {
    API, ODOO16;

    public static UnversionedWebSocket parse(String value) {
        return switch (value.strip().toLowerCase(Locale.ROOT)) {
            case "api" -> API;
            case "odoo16" -> ODOO16;
            default -> throw new IllegalArgumentException("\"" + value + "\" is not api or odoo16");
        };
    }
}
