package dev.chatserver.application.im;

import dev.chatserver.application.port.in.view.AttachmentView;
import dev.chatserver.application.port.out.Attachments;

import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** The files of the messages a page shows, read in one statement (none when no message of the page posts files). */
final class AttachmentViews {
    private AttachmentViews() {
    }

    static Map<Long, List<AttachmentView>> ofMessages(Attachments attachments, Collection<Long> fileMessageIds) {
        if (fileMessageIds.isEmpty()) {
            return Map.of();
        }
        Map<Long, List<AttachmentView>> views = new LinkedHashMap<>();
        attachments.ofMessages(fileMessageIds).forEach((message, files) ->
                views.put(message, files.stream().map(AttachmentView::of).toList()));
        return views;
    }
}
