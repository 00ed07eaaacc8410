package dev.chatserver.domain.chats;

import java.util.Objects;
import java.util.Optional;

/**
 * An event as its author drafts it, before its room gives it a place in time: what it is ({@code type}), the
 * item it speaks of ({@code set} and {@code label}, null: the set's single item), an {@code attribute} for
 * filtering, its {@code data} and who posts it.
 */
public record NewEvent(String type, String set, String label, String attribute, JsonText data, AccountId by) {
    public NewEvent {
        type = Names.require("type", type);
        set = Names.require("set", set);
        label = Names.optional("label", label);
        attribute = Names.optional("attribute", attribute);
        Objects.requireNonNull(data, "data");
        Objects.requireNonNull(by, "by");
    }

    /** The labeled item this event speaks of, when it has a label. */
    public Optional<LabeledItem> labeledItem() {
        return label == null ? Optional.empty() : Optional.of(new LabeledItem(set, label));
    }
}
