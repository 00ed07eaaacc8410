package dev.chatserver.application.port.out;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * The outgoing ports one storage adapter provides, by type, so that wiring and the contract suite pick up
 * every port an adapter registers without naming each.
 */
public final class Ports {
    private final Map<Class<?>, Object> byType;

    private Ports(Map<Class<?>, Object> byType) {
        this.byType = Map.copyOf(byType);
    }

    public static Builder builder() {
        return new Builder();
    }

    public <T> T get(Class<T> type) {
        Object port = byType.get(type);
        if (port == null) {
            throw new IllegalStateException("this storage provides no " + type.getSimpleName());
        }
        return type.cast(port);
    }

    /** The port of this type, when the storage provides one. */
    public <T> Optional<T> find(Class<T> type) {
        return Optional.ofNullable(byType.get(type)).map(type::cast);
    }

    public Map<Class<?>, Object> asMap() {
        return byType;
    }

    public static final class Builder {
        private final Map<Class<?>, Object> byType = new LinkedHashMap<>();

        public <T> Builder add(Class<T> type, T port) {
            byType.put(type, Objects.requireNonNull(port, type.getSimpleName()));
            return this;
        }

        public Ports build() {
            return new Ports(byType);
        }
    }
}
