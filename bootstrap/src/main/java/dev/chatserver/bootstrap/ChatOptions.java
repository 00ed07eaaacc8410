package dev.chatserver.bootstrap;

import java.util.HashMap;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * The chat's settings as typed values, shared by the server (read from its flags and CHAT_* variables) and by an
 * embedder ({@code ChatOptions.defaults().with(ServerFlags.IM_MESSAGE_TYPES, List.of("task"))}): whatever is not
 * set has the default its {@link Flag} declares. Immutable.
 */
public final class ChatOptions {
    private static final ChatOptions DEFAULTS = new ChatOptions(Map.of());

    private final Map<Flag<?>, Object> given;

    private ChatOptions(Map<Flag<?>, Object> given) {
        this.given = Map.copyOf(given);
    }

    /** Every setting at its default. */
    public static ChatOptions defaults() {
        return DEFAULTS;
    }

    /** These options with {@code flag} set to {@code value}; the value is checked where it is used, as a flag's is. */
    public <T> ChatOptions with(Flag<T> flag, T value) {
        Objects.requireNonNull(flag, "flag");
        Objects.requireNonNull(value, "value");
        Map<Flag<?>, Object> more = new HashMap<>(given);
        more.put(flag, value);
        return new ChatOptions(more);
    }

    /** The value set, else the flag's default ({@code null} for a flag whose default is worked out where it applies). */
    public <T> T get(Flag<T> flag) {
        return find(flag).orElse(flag.fallback());
    }

    /** The value set, if one was. */
    @SuppressWarnings("unchecked") // with() only puts a T under a Flag<T>
    public <T> Optional<T> find(Flag<T> flag) {
        return Optional.ofNullable((T) given.get(flag));
    }

    @Override
    public String toString() {
        return "ChatOptions" + given.keySet();
    }
}
