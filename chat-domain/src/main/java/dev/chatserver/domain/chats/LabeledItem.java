package dev.chatserver.domain.chats;

import java.util.Objects;

/** An item of a set told apart by its label: its first stored event gives later ones their original occurred_at. */
public record LabeledItem(String set, String label) {
    public LabeledItem {
        Objects.requireNonNull(set, "set");
        Objects.requireNonNull(label, "label");
    }
}
