package dev.chatserver.adapter.http.odoo8;

import java.util.Arrays;
import java.util.Locale;
import java.util.stream.Collectors;

/**
 * The avatar im_chat shows next to a message: an SVG of the user's initials on a colour of their own (the
 * hue follows the user id, so a user keeps their colour), or a blank one for someone not in the session.
 */
final class Odoo8Avatars {
    static final String CONTENT_TYPE = "image/svg+xml";
    private static final String FRAME = "<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"64\" height=\"64\" viewBox=\"0 0 64 64\">";

    private Odoo8Avatars() {
    }

    static String of(long userId, String name) {
        int hue = (int) Math.floorMod(userId * 137L, 360L);
        return FRAME
                + "<rect width=\"64\" height=\"64\" fill=\"hsl(" + hue + ",55%,45%)\"/>"
                + "<text x=\"32\" y=\"32\" dy=\".35em\" text-anchor=\"middle\" font-family=\"sans-serif\" font-size=\"26\""
                + " fill=\"#ffffff\">" + escape(initials(name)) + "</text></svg>";
    }

    static String blank() {
        return FRAME + "<rect width=\"64\" height=\"64\" fill=\"#cccccc\"/></svg>";
    }

    static String initials(String name) {
        String initials = Arrays.stream(name.strip().split("\\s+"))
                .filter(word -> !word.isEmpty())
                .limit(2)
                .map(word -> new String(Character.toChars(word.codePointAt(0))))
                .collect(Collectors.joining());
        return initials.toUpperCase(Locale.ROOT);
    }

    private static String escape(String text) {
        return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")
                .replace("\"", "&quot;").replace("'", "&apos;");
    }
}
