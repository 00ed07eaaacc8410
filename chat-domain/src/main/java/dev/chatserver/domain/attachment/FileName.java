package dev.chatserver.domain.attachment;

import dev.chatserver.domain.problem.InvalidInput;

/**
 * The name an uploader gave a file, as shown to members and offered when they save it: the last segment of
 * whatever path the client sent, without control characters, at most {@value #MAX_CHARS} characters.
 */
public record FileName(String value) {
    public static final int MAX_CHARS = 255;
    public static final String FIELD = "name";

    public FileName {
        if (value == null || value.isBlank()) {
            throw new InvalidInput(FIELD, FIELD + " is empty");
        }
        if (value.length() > MAX_CHARS) {
            throw new InvalidInput(FIELD, FIELD + " is longer than " + MAX_CHARS + " characters");
        }
        if (value.chars().anyMatch(c -> Character.isISOControl(c) || c == '/' || c == '\\')) {
            throw new InvalidInput(FIELD, FIELD + " holds a path separator or a control character");
        }
    }

    /**
     * The name a client sent, its directories (either separator) and control characters dropped, cut to
     * {@value #MAX_CHARS} characters keeping the extension; {@code file} when nothing is left.
     */
    public static FileName cleaned(String sent) {
        String name = sent == null ? "" : sent;
        name = name.substring(Math.max(name.lastIndexOf('/'), name.lastIndexOf('\\')) + 1);
        name = name.codePoints().filter(c -> !Character.isISOControl(c))
                .collect(StringBuilder::new, StringBuilder::appendCodePoint, StringBuilder::append).toString().strip();
        if (name.isEmpty() || name.equals(".") || name.equals("..")) {
            name = "file";
        }
        if (name.length() > MAX_CHARS) {
            int dot = name.lastIndexOf('.');
            String extension = dot > 0 && name.length() - dot <= 16 ? name.substring(dot) : "";
            name = name.substring(0, MAX_CHARS - extension.length()) + extension;
        }
        return new FileName(name);
    }

    @Override
    public String toString() {
        return value;
    }
}
