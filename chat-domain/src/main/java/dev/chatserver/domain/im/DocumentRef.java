package dev.chatserver.domain.im;

import dev.chatserver.domain.problem.InvalidInput;

/** A business document a session is about, as Odoo names one: its model (e.g. res.partner) and its id. */
public record DocumentRef(String model, String id) {
    public static final int MAX_LENGTH = 128;

    public DocumentRef {
        if (model == null || model.isBlank() || model.length() > MAX_LENGTH) {
            throw new InvalidInput("documentModel",
                    "documentModel is a non-empty string of at most " + MAX_LENGTH + " characters");
        }
        if (id == null || id.isBlank() || id.length() > MAX_LENGTH) {
            throw new InvalidInput("documentId",
                    "documentId is a non-empty value of at most " + MAX_LENGTH + " characters");
        }
    }
}
