package dev.chatserver.application.im;

import dev.chatserver.application.port.in.view.AttachmentView;
import dev.chatserver.application.port.out.Attachments;
import dev.chatserver.domain.im.PostDraft;

import dev.chatserver.application.port.in.im.HistoryCommand;
import dev.chatserver.application.port.in.im.ReadHistory;
import dev.chatserver.application.port.out.ImMessages;
import dev.chatserver.application.port.out.ImSessions;
import dev.chatserver.application.port.out.MessageReactions;
import dev.chatserver.application.port.out.SessionOfMember;
import dev.chatserver.application.port.out.Transactions;
import dev.chatserver.application.port.out.UserDirectory;
import dev.chatserver.domain.account.User;
import dev.chatserver.domain.account.UserId;
import dev.chatserver.domain.im.ImMessage;
import dev.chatserver.domain.im.ImSession;
import dev.chatserver.domain.im.Membership;
import dev.chatserver.application.port.in.view.MessageView;
import dev.chatserver.application.port.in.view.MessageViews;
import dev.chatserver.application.port.in.view.ReactionCount;
import jakarta.inject.Inject;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * A member pages back through a session's messages, newest first; reading the newest page moves their read
 * pointer to its newest message and turns the session read ({@link ReadPointerChanges}).
 */
public final class ReadHistoryService implements ReadHistory {
    private final ImMessages messages;
    private final ImSessions sessions;
    private final SessionAccess access;
    private final UserDirectory directory;
    private final MessageReactions reactions;
    private final ReadPointerChanges readPointer;
    private final Transactions transactions;
    private final ImPolicy policy;
    private final RepliedMessages replied;
    private final Attachments attachments;

    @Inject
    public ReadHistoryService(ImMessages messages, ImSessions sessions, SessionAccess access, UserDirectory directory,
                              MessageReactions reactions, ReadPointerChanges readPointer, Transactions transactions,
                              ImPolicy policy, RepliedMessages replied, Attachments attachments) {
        this.replied = replied;
        this.attachments = attachments;
        this.messages = messages;
        this.sessions = sessions;
        this.access = access;
        this.directory = directory;
        this.reactions = reactions;
        this.readPointer = readPointer;
        this.transactions = transactions;
        this.policy = policy;
    }

    @Override
    public List<MessageView> history(HistoryCommand command) {
        UserId reader = command.caller().id();
        int limit = policy.pageSize(command.limit());
        return transactions.inTransaction(() -> {
            // the reader's own membership is all a read needs; the whole session only when it turns read
            SessionOfMember seen = sessions.ofMember(command.session(), reader).orElseThrow(ImSession::unknown);
            List<ImMessage> page = messages.history(seen.sessionId(), command.lastId(), limit);
            Map<UserId, User> senders = page.isEmpty() ? Map.of()
                    : directory.users(page.stream().map(ImMessage::from).distinct().toList()).stream()
                    .collect(Collectors.toMap(User::id, Function.identity()));
            Map<Long, List<ReactionCount>> reactionsById = page.isEmpty() ? Map.of()
                    : reactions.of(page.stream().map(ImMessage::id).toList(), reader);
            Map<Long, ImMessage> quoted = replied.of(page);
            Map<Long, List<AttachmentView>> filesById = AttachmentViews.ofMessages(attachments,
                    page.stream().filter(m -> m.type().equals(PostDraft.ATTACHMENT)).map(ImMessage::id).toList());
            // the newest page shows the newest message: reading it moves the reader's pointer there
            Optional<ImMessage> newest = command.lastId().isEmpty() ? page.stream().findFirst() : Optional.empty();
            boolean pointerBehind = newest.isPresent() && !seen.membership().hasSeen(newest.get().id());
            if (seen.membership().markRead().isPresent() || pointerBehind) {
                ImSession locked = sessions.lockMember(access.forMember(reader, seen.uuid()), reader);
                Membership before = locked.membershipOf(reader).orElseThrow();
                Optional<Membership> read = newest.isPresent() ? locked.markSeen(reader, newest.get(), true)
                        : locked.markRead(reader);
                readPointer.keep(locked, before, read.orElse(before));
            }
            return page.stream().filter(m -> senders.containsKey(m.from()))
                    .map(m -> MessageViews.shown(m, seen.uuid(), senders.get(m.from()),
                            reactionsById.getOrDefault(m.id(), List.of()), filesById.getOrDefault(m.id(), List.of()),
                            quoted))
                    .toList();
        });
    }
}
