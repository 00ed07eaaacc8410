package dev.chatserver.application.im;

import dev.chatserver.application.port.in.im.PostMessageCommand;
import dev.chatserver.application.port.out.Attachments;
import dev.chatserver.domain.attachment.Attachment;
import dev.chatserver.domain.attachment.AttachmentId;

import java.util.HashMap;
import java.util.HashSet;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * The uploads a batch's posts name, read in one statement, and which post may post them: each of its ids an upload
 * of its own poster to that session not posted yet ({@link Attachment#postableBy}), and not posted by an earlier
 * post of the batch. A post naming any other (someone else's, another session's, a posted or unknown one) is
 * refused alone, the same way for each, so an id tells nothing about a file one may not see. The uploads are held
 * until the batch commits, so a post of the same upload on another node, or the sweep of unposted uploads, waits and
 * then finds it posted: exactly one post wins, and a posted file is never swept.
 */
final class PostedFiles {
    private final Map<PostMessageCommand, List<Attachment>> accepted = new IdentityHashMap<>();
    private final Set<PostMessageCommand> refused = java.util.Collections.newSetFromMap(new IdentityHashMap<>());

    private PostedFiles() {
    }

    static PostedFiles of(Attachments attachments, List<PostMessageCommand> commands) {
        PostedFiles files = new PostedFiles();
        List<AttachmentId> named = commands.stream().flatMap(c -> c.draft().attachmentIds().stream()).distinct().toList();
        if (named.isEmpty()) {
            return files;
        }
        Map<AttachmentId, Attachment> found = new HashMap<>(attachments.byIdsForUpdate(named).stream()
                .collect(Collectors.toMap(Attachment::id, Function.identity())));
        Set<AttachmentId> taken = new HashSet<>();
        for (PostMessageCommand command : commands) {
            List<AttachmentId> ids = command.draft().attachmentIds();
            if (ids.isEmpty()) {
                continue;
            }
            List<Attachment> own = ids.stream().map(found::get)
                    .filter(a -> a != null && a.postableBy(command.caller().id(), command.session())
                            && !taken.contains(a.id()))
                    .toList();
            if (own.size() == ids.size()) {
                own.forEach(a -> taken.add(a.id()));
                files.accepted.put(command, own);
            } else {
                files.refused.add(command);
            }
        }
        return files;
    }

    boolean refused(PostMessageCommand command) {
        return refused.contains(command);
    }

    List<Attachment> of(PostMessageCommand command) {
        return accepted.getOrDefault(command, List.of());
    }
}
