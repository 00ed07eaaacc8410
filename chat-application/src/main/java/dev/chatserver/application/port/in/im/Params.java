package dev.chatserver.application.port.in.im;

import dev.chatserver.domain.account.GroupId;
import dev.chatserver.domain.account.PartnerId;
import dev.chatserver.domain.account.UserId;
import dev.chatserver.domain.im.DocumentRef;
import dev.chatserver.domain.problem.InvalidInput;

import java.util.Optional;
import java.util.UUID;
import java.util.regex.Pattern;

/** Turns the API's raw parameters into domain values, each failure an {@link InvalidInput} naming the parameter. */
final class Params {
    private static final Pattern UUID_TEXT =
            Pattern.compile("[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}");

    private Params() {
    }

    static long positive(String field, Long value) {
        if (value == null) {
            throw new InvalidInput(field, field + " is required");
        }
        if (value <= 0) {
            throw new InvalidInput(field, field + " is a positive number");
        }
        return value;
    }

    static UserId user(String field, Long value) {
        return UserId.of(positive(field, value));
    }

    static GroupId group(String field, Long value) {
        return GroupId.of(positive(field, value));
    }

    static PartnerId partner(String field, Long value) {
        return PartnerId.of(positive(field, value));
    }

    static UUID session(String field, String value) {
        if (value == null) {
            throw new InvalidInput(field, field + " is required");
        }
        if (!UUID_TEXT.matcher(value).matches()) {
            throw new InvalidInput(field, field + " is a session UUID");
        }
        return UUID.fromString(value);
    }

    static String required(String field, String value) {
        if (value == null) {
            throw new InvalidInput(field, field + " is required");
        }
        return value;
    }

    /** doc_id and doc_model come together or not at all. */
    static Optional<DocumentRef> document(String docId, String docModel) {
        if (docId == null && docModel == null) {
            return Optional.empty();
        }
        if (docModel == null) {
            throw new InvalidInput("doc_model", "doc_model is required with doc_id");
        }
        if (docId == null) {
            throw new InvalidInput("doc_id", "doc_id is required with doc_model");
        }
        return Optional.of(new DocumentRef(docModel, docId));
    }
}
