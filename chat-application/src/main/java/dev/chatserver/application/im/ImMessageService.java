package dev.chatserver.application.im;

import dev.chatserver.application.port.in.im.HistoryCommand;
import dev.chatserver.domain.im.MessageView;
import dev.chatserver.application.port.in.im.PostMessage;
import dev.chatserver.application.port.in.im.PostMessageCommand;
import dev.chatserver.application.port.in.im.ReadHistory;
import dev.chatserver.application.port.out.ImMessages;
import dev.chatserver.application.port.out.ImSessions;
import dev.chatserver.application.port.out.Transactions;
import dev.chatserver.application.port.out.UserDirectory;
import dev.chatserver.domain.account.User;
import dev.chatserver.domain.account.UserId;
import dev.chatserver.domain.im.ImMessage;
import dev.chatserver.domain.im.ImSession;
import dev.chatserver.application.write.GroupCommit;
import dev.chatserver.domain.problem.InvalidInput;
import jakarta.inject.Inject;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import java.util.concurrent.CompletableFuture;
import java.util.function.Function;
import java.util.stream.Collectors;

public final class ImMessageService implements PostMessage, ReadHistory {
    private final ImMessages messages;
    private final ImSessions sessions;
    private final GroupCommit writer;
    private final PostingLane posting;
    private final SessionAccess access;
    private final ImNotifier notifier;
    private final UserDirectory directory;
    private final Transactions transactions;
    private final ImPolicy policy;

    @Inject
    public ImMessageService(ImMessages messages, ImSessions sessions, GroupCommit writer, PostingLane posting,
                            SessionAccess access, ImNotifier notifier, UserDirectory directory,
                            Transactions transactions, ImPolicy policy) {
        this.messages = messages;
        this.sessions = sessions;
        this.writer = writer;
        this.posting = posting;
        this.access = access;
        this.notifier = notifier;
        this.directory = directory;
        this.transactions = transactions;
        this.policy = policy;
    }

    @Override
    public MessageView post(PostMessageCommand command) {
        accept(command);
        return writer.write(posting, command);
    }

    @Override
    public CompletableFuture<MessageView> postAsync(PostMessageCommand command) {
        accept(command);
        return writer.submit(posting, command);
    }

    /** What the server's configuration allows, checked before the post waits for the writer. */
    private void accept(PostMessageCommand command) {
        if (!policy.messageTypes().contains(command.type().value())) {
            throw new InvalidInput("message_type", "message_type is one of " + new TreeSet<>(policy.messageTypes()));
        }
        if (command.content().getBytes(StandardCharsets.UTF_8).length > policy.maxContentBytes()) {
            throw new InvalidInput("message_content",
                    "message_content has at most " + policy.maxContentBytes() + " bytes (UTF-8)");
        }
    }

    @Override
    public List<MessageView> history(HistoryCommand command) {
        UserId reader = command.caller().id();
        int limit = policy.pageSize(command.limit());
        return transactions.inTransaction(() -> {
            ImSession session = access.forMember(reader, command.session());
            List<ImMessage> page = messages.history(session.id(), command.lastId(), limit);
            Map<UserId, User> senders = page.isEmpty() ? Map.of()
                    : directory.users(page.stream().map(ImMessage::from).distinct().toList()).stream()
                    .collect(Collectors.toMap(User::id, Function.identity()));
            // most reads find the session read already: only an unread one is locked and decided again
            if (session.markRead(reader).isPresent()) {
                ImSession locked = sessions.lockMember(session, reader);
                locked.markRead(reader).ifPresent(read -> {
                    sessions.saveMemberships(session.id(), List.of(read));
                    notifier.sessionChanged(locked.with(List.of(read)), List.of(reader));
                });
            }
            return page.stream().filter(m -> senders.containsKey(m.from()))
                    .map(m -> view(session, m, senders.get(m.from()))).toList();
        });
    }

    private static MessageView view(ImSession session, ImMessage message, User sender) {
        return new MessageView(message.id(), session.id(), session.uuid(), sender.id(), sender.name(),
                sender.partner(), message.type().value(), message.content(), message.createDate());
    }
}
