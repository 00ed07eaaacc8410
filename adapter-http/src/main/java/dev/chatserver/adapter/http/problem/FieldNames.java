package dev.chatserver.adapter.http.problem;

import dev.chatserver.domain.problem.ChatProblem;

import java.util.HashMap;
import java.util.Map;

/**
 * What one API face calls the core's fields. A problem names its field in the core's words (a command's field:
 * {@code session}, {@code lastId}); its face answers the name its clients sent ({@code uuid}, {@code last_ID}),
 * in the field and at the start of the message, where a message names its field. A field the table does not
 * list is called alike on both sides ({@code limit}, {@code state}).
 */
public final class FieldNames {
    private final Map<String, String> wireByCore;

    private FieldNames(Map<String, String> wireByCore) {
        this.wireByCore = Map.copyOf(wireByCore);
    }

    /** Pairs of a core field and its name on the wire: {@code of("session", "uuid", "lastId", "last_ID")}. */
    public static FieldNames of(String... coreThenWire) {
        if (coreThenWire.length % 2 != 0) {
            throw new IllegalArgumentException("field names come in pairs: core, wire");
        }
        Map<String, String> table = new HashMap<>();
        for (int i = 0; i < coreThenWire.length; i += 2) {
            if (table.put(coreThenWire[i], coreThenWire[i + 1]) != null) {
                throw new IllegalArgumentException("the field " + coreThenWire[i] + " is named twice");
            }
        }
        return new FieldNames(table);
    }

    /** The problem's field as this face names it, or null when the problem is not about one field. */
    public String field(ChatProblem problem) {
        String field = problem.field();
        return field == null ? null : wireByCore.getOrDefault(field, field);
    }

    /** The problem's message, its leading field name (when it starts with it) as this face names the field. */
    public String message(ChatProblem problem) {
        String message = problem.getMessage();
        String field = problem.field();
        String wire = field == null ? null : wireByCore.get(field);
        if (wire == null || message == null || !message.startsWith(field + " ")) {
            return message;
        }
        return wire + message.substring(field.length());
    }
}
