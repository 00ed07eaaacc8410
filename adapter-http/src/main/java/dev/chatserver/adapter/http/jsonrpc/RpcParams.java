package dev.chatserver.adapter.http.jsonrpc;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.chatserver.adapter.http.StorableText;
import dev.chatserver.domain.problem.InvalidInput;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.UUID;
import java.util.regex.Pattern;

/**
 * Typed access to a call's params, turning them into the values the core's commands take (positive ids, session
 * UUIDs, page sizes). Every refusal is an {@link InvalidInput} that names the parameter, so the client reads
 * which one was wrong. A JSON null counts as absent.
 */
public final class RpcParams {
    private static final int MAX_DIGITS = 18;
    private static final Pattern UUID_TEXT =
            Pattern.compile("[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}");
    private final ObjectNode node;

    public RpcParams(ObjectNode node) {
        this.node = node;
    }

    /** The params as JSON, for a reader of a shape of its own (a poll's channels and options). */
    public JsonNode json() {
        return node;
    }

    public boolean has(String field) {
        JsonNode value = node.get(field);
        return value != null && !value.isNull();
    }

    public long requiredLong(String field) {
        return optionalLong(field).orElseThrow(() -> missing(field));
    }

    /** An integer given as a JSON number or as a string of digits. */
    public Optional<Long> optionalLong(String field) {
        if (!has(field)) {
            return Optional.empty();
        }
        return Optional.of(asLong(field, node.get(field)));
    }

    /** An id: an integer above zero. */
    public long requiredPositive(String field) {
        return positive(field, requiredLong(field));
    }

    public Optional<Long> optionalPositive(String field) {
        return optionalLong(field).map(value -> positive(field, value));
    }

    /** How many to answer at most: a positive number. */
    public OptionalInt optionalLimit(String field) {
        Optional<Long> limit = optionalLong(field);
        if (limit.isEmpty()) {
            return OptionalInt.empty();
        }
        if (limit.get() <= 0 || limit.get() > Integer.MAX_VALUE) {
            throw new InvalidInput(field, field + " is a positive number");
        }
        return OptionalInt.of(limit.get().intValue());
    }

    /** A session's UUID, written as one: 8-4-4-4-12 hexadecimal digits. */
    public UUID requiredSession(String field) {
        return session(field, requiredString(field));
    }

    public Optional<UUID> optionalSession(String field) {
        return optionalString(field).map(text -> session(field, text));
    }

    public String requiredString(String field) {
        return optionalString(field).orElseThrow(() -> missing(field));
    }

    public Optional<String> optionalString(String field) {
        if (!has(field)) {
            return Optional.empty();
        }
        JsonNode value = node.get(field);
        if (!value.isTextual()) {
            throw new InvalidInput(field, field + " must be a string");
        }
        return Optional.of(StorableText.checked(field, value.textValue()));
    }

    /** A string, or a number taken as its decimal text (Odoo clients send ids either way). */
    public Optional<String> optionalText(String field) {
        if (!has(field)) {
            return Optional.empty();
        }
        JsonNode value = node.get(field);
        if (value.isTextual()) {
            return Optional.of(StorableText.checked(field, value.textValue()));
        }
        if (value.isIntegralNumber()) {
            return Optional.of(value.asText());
        }
        throw new InvalidInput(field, field + " must be a string");
    }

    public Optional<Boolean> optionalBoolean(String field) {
        if (!has(field)) {
            return Optional.empty();
        }
        JsonNode value = node.get(field);
        if (!value.isBoolean()) {
            throw new InvalidInput(field, field + " must be true or false");
        }
        return Optional.of(value.booleanValue());
    }

    /** The attachment ids of a list of strings, none when the field is absent; anything else is refused naming it. */
    public List<dev.chatserver.domain.attachment.AttachmentId> optionalAttachmentIds(String field) {
        if (!has(field) || node.get(field).isNull()) {
            return List.of();
        }
        JsonNode value = node.get(field);
        if (!value.isArray()) {
            throw new InvalidInput(field, field + " must be a list of attachment ids");
        }
        List<dev.chatserver.domain.attachment.AttachmentId> ids = new ArrayList<>(value.size());
        for (JsonNode item : value) {
            if (!item.isTextual()) {
                throw new InvalidInput(field, field + " must be a list of attachment ids");
            }
            ids.add(dev.chatserver.domain.attachment.AttachmentId.parse(field, item.textValue()));
        }
        return ids;
    }

    /** A list of integers; anything but a list is refused with {@code notListMessage}, as the spec words it. */
    public List<Long> requiredLongList(String field, String notListMessage) {
        if (!has(field)) {
            throw missing(field);
        }
        JsonNode value = node.get(field);
        if (!value.isArray()) {
            throw new InvalidInput(field, notListMessage);
        }
        List<Long> values = new ArrayList<>(value.size());
        for (JsonNode item : value) {
            values.add(asLong(field, item));
        }
        return values;
    }

    private static long positive(String field, long value) {
        if (value <= 0) {
            throw new InvalidInput(field, field + " is a positive number");
        }
        return value;
    }

    private static UUID session(String field, String text) {
        if (!UUID_TEXT.matcher(text).matches()) {
            throw new InvalidInput(field, field + " is a session UUID");
        }
        return UUID.fromString(text);
    }

    private static long asLong(String field, JsonNode value) {
        if (value.isIntegralNumber() && value.canConvertToLong()) {
            return value.longValue();
        }
        if (value.isTextual() && !value.textValue().isEmpty() && value.textValue().length() <= MAX_DIGITS
                && value.textValue().chars().allMatch(Character::isDigit)) {
            return Long.parseLong(value.textValue());
        }
        throw new InvalidInput(field, field + " must be an integer");
    }

    private static InvalidInput missing(String field) {
        return new InvalidInput(field, field + " is required");
    }
}
