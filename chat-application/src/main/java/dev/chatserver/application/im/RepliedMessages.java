package dev.chatserver.application.im;

import dev.chatserver.application.port.out.ImMessages;
import dev.chatserver.domain.im.ImMessage;
import jakarta.inject.Inject;

import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * The messages that replies answer, read for a whole page of them at once: one read however many replies, none
 * when nothing on the page replies. What is read is quoted as it is now (edited, or deleted and so without text).
 */
public final class RepliedMessages {
    private final ImMessages messages;

    @Inject
    public RepliedMessages(ImMessages messages) {
        this.messages = messages;
    }

    /** The messages those of {@code page} reply to, by id. */
    public Map<Long, ImMessage> of(Collection<ImMessage> page) {
        return byIds(page.stream().flatMap(message -> message.replyToId().stream()).toList());
    }

    /** The messages of these ids that exist, by id. */
    public Map<Long, ImMessage> byIds(Collection<Long> ids) {
        List<Long> distinct = ids.stream().distinct().toList();
        if (distinct.isEmpty()) {
            return Map.of();
        }
        return messages.byIds(distinct).stream().collect(Collectors.toMap(ImMessage::id, Function.identity()));
    }
}
