package dev.chatserver.application.im;

import java.time.Duration;
import java.util.Objects;

/** How long after posting its author may still edit or delete a message ({@code --im-edit-window}). */
public record EditWindow(Duration length) {
    public static final Duration DEFAULT = Duration.ofHours(24);

    public EditWindow {
        Objects.requireNonNull(length, "length");
        if (length.isNegative()) {
            throw new IllegalArgumentException("the edit window is not negative");
        }
    }

    public static EditWindow defaults() {
        return new EditWindow(DEFAULT);
    }
}
