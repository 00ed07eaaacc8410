package dev.chatserver.application.notify;

import dev.chatserver.domain.account.User;
import dev.chatserver.domain.account.UserId;
import dev.chatserver.domain.im.ImMessage;

import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * Writes one session's digest: who wrote what, newest last, each text cut to the configured length, and a link to
 * the session in the web client; plain text and HTML. In the HTML every text a user wrote (a message, a name) is
 * escaped, so it is shown as text and never becomes markup, as the web client shows it.
 */
final class DigestWriter {
    private final EmailSettings settings;

    DigestWriter(EmailSettings settings) {
        this.settings = settings;
    }

    record Digest(String subject, String text, String html) {
    }

    /**
     * @param shown   the messages to show, oldest first (at most the configured number)
     * @param missed  how many unread messages there are in all (more than shown when the digest is cut)
     * @param authors the authors of the shown messages, by id
     */
    Digest write(User reader, UUID session, List<ImMessage> shown, long missed, Map<UserId, User> authors) {
        String link = settings.link() + "#session=" + session;
        String names = String.join(", ", shown.stream().map(m -> nameOf(authors, m.from())).distinct().toList());
        String subject = cut(missed + (missed == 1 ? " unread message" : " unread messages") + " from " + names, 200);
        StringBuilder text = new StringBuilder();
        StringBuilder html = new StringBuilder("<!DOCTYPE html><html><body>");
        text.append("Hello ").append(reader.name()).append(",\n\nwhile you were away:\n\n");
        html.append("<p>Hello ").append(escaped(reader.name())).append(",</p><p>while you were away:</p><ul>");
        for (ImMessage message : shown) {
            String author = nameOf(authors, message.from());
            String content = message.isDeleted() ? "(deleted)" : cut(message.content(), settings.messageChars());
            text.append(author).append(": ").append(content).append('\n');
            html.append("<li><b>").append(escaped(author)).append("</b>: ").append(escaped(content)).append("</li>");
        }
        html.append("</ul>");
        long more = missed - shown.size();
        if (more > 0) {
            text.append("... and ").append(more).append(" more\n");
            html.append("<p>... and ").append(more).append(" more</p>");
        }
        text.append("\nRead them: ").append(link).append('\n');
        html.append("<p><a href=\"").append(escaped(link)).append("\">Read them</a></p></body></html>");
        return new Digest(subject, text.toString(), html.toString());
    }

    private static String nameOf(Map<UserId, User> authors, UserId id) {
        User author = authors.get(id);
        return author == null ? "someone" : author.name();
    }

    private static String cut(String text, int chars) {
        if (text.codePointCount(0, text.length()) <= chars) {
            return text;
        }
        return text.substring(0, text.offsetByCodePoints(0, chars)) + "…";
    }

    /** The text as HTML shows it: every character that could start markup or end an attribute is escaped. */
    static String escaped(String text) {
        StringBuilder out = new StringBuilder(text.length() + 16);
        text.codePoints().forEach(c -> {
            switch (c) {
                case '&' -> out.append("&amp;");
                case '<' -> out.append("&lt;");
                case '>' -> out.append("&gt;");
                case '"' -> out.append("&quot;");
                case '\'' -> out.append("&#39;");
                default -> out.appendCodePoint(c);
            }
        });
        return out.toString();
    }
}
