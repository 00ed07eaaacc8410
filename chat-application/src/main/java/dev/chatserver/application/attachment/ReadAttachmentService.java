package dev.chatserver.application.attachment;

import dev.chatserver.application.im.SessionAccess;
import dev.chatserver.application.port.in.attachment.AttachmentDownload;
import dev.chatserver.application.port.in.attachment.ReadAttachment;
import dev.chatserver.application.port.in.attachment.ReadAttachmentCommand;
import dev.chatserver.application.port.in.view.AttachmentView;
import dev.chatserver.application.port.out.Attachments;
import dev.chatserver.application.port.out.FileContents;
import dev.chatserver.application.port.out.Thumbnailer;
import dev.chatserver.domain.attachment.Attachment;
import dev.chatserver.domain.problem.NotFound;
import jakarta.inject.Inject;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;

public final class ReadAttachmentService implements ReadAttachment {
    private static final String FIELD = "attachment";

    private final Attachments attachments;
    private final FileContents contents;
    private final SessionAccess sessions;

    @Inject
    public ReadAttachmentService(Attachments attachments, FileContents contents, SessionAccess sessions) {
        this.attachments = attachments;
        this.contents = contents;
        this.sessions = sessions;
    }

    @Override
    public AttachmentDownload open(ReadAttachmentCommand command) {
        Attachment attachment = attachments.byId(command.attachment()).orElseThrow(() -> Attachment.unknown(FIELD));
        try {
            sessions.forMember(command.reader(), attachment.session());
        } catch (NotFound notMember) {
            throw Attachment.unknown(FIELD);
        }
        AttachmentView view = AttachmentView.of(attachment);
        if (command.thumbnail()) {
            String thumbnail = attachment.thumbnailSha256().orElseThrow(() -> Attachment.unknown(FIELD));
            return new AttachmentDownload(view, Thumbnailer.THUMBNAIL_TYPE, thumbnail, thumbnailLength(thumbnail),
                    offset -> opened(thumbnail, offset));
        }
        return new AttachmentDownload(view, attachment.mimetype(), attachment.sha256(), attachment.size(),
                offset -> opened(attachment.sha256(), offset));
    }

    /** A thumbnail is small (a few kilobytes): its length is counted rather than kept. */
    private long thumbnailLength(String sha256) {
        try (InputStream thumbnail = opened(sha256, 0)) {
            return thumbnail.transferTo(OutputStream.nullOutputStream());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private InputStream opened(String sha256, long offset) {
        return contents.open(sha256, offset).orElseThrow(() -> Attachment.unknown(FIELD));
    }
}
