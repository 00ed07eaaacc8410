package dev.chatserver.application.attachment;

import dev.chatserver.application.budget.Budget;
import dev.chatserver.application.budget.UserBudgets;
import dev.chatserver.application.im.SessionAccess;
import dev.chatserver.application.port.in.attachment.UploadAttachment;
import dev.chatserver.application.port.in.attachment.UploadAttachmentCommand;
import dev.chatserver.application.port.in.view.AttachmentView;
import dev.chatserver.application.port.out.Attachments;
import dev.chatserver.application.port.out.FileContents;
import dev.chatserver.application.port.out.IdGenerator;
import dev.chatserver.application.port.out.TypeDetector;
import dev.chatserver.domain.attachment.Attachment;
import dev.chatserver.domain.attachment.AttachmentId;
import dev.chatserver.domain.problem.Refused;
import jakarta.inject.Inject;

import java.io.BufferedInputStream;
import java.io.InputStream;
import java.time.Clock;
import java.util.Optional;
import java.util.OptionalLong;

public final class UploadAttachmentService implements UploadAttachment {
    private final SessionAccess sessions;
    private final Attachments attachments;
    private final FileContents contents;
    private final TypeDetector types;
    private final Thumbnails thumbnails;
    private final UserBudgets budgets;
    private final AttachmentSettings settings;
    private final IdGenerator ids;
    private final Clock clock;

    @Inject
    public UploadAttachmentService(SessionAccess sessions, Attachments attachments, FileContents contents,
                                   TypeDetector types, Thumbnails thumbnails, UserBudgets budgets,
                                   AttachmentSettings settings, IdGenerator ids, Clock clock) {
        this.sessions = sessions;
        this.attachments = attachments;
        this.contents = contents;
        this.types = types;
        this.thumbnails = thumbnails;
        this.budgets = budgets;
        this.settings = settings;
        this.ids = ids;
        this.clock = clock;
    }

    @Override
    public AttachmentView upload(UploadAttachmentCommand command) {
        budgets.spend(Budget.UPLOADS, command.uploader());
        sessions.forMember(command.uploader(), command.session());
        long stored = attachments.bytesOf(command.uploader());
        if (stored >= settings.bytesPerUser()) {
            throw quotaSpent();
        }
        String mimetype;
        FileContents.StoredContent content;
        try (InputStream file = new BufferedInputStream(
                new BoundedContent(command.file(), settings.maxBytes(), "file"), 64 * 1024)) {
            mimetype = types.detect(file, command.name());
            content = contents.store(file);
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
        Attachment attachment = new Attachment(new AttachmentId(ids.newUuid()), command.uploader(), command.session(),
                command.name(), mimetype, content.size(), content.sha256(),
                thumbnails.of(content.sha256(), mimetype), OptionalLong.empty(), clock.instant());
        // the early check above spares streaming a file to a user with no room left; this one decides
        if (!attachments.addWithin(attachment, settings.bytesPerUser())) {
            removeIfUnused(content.sha256());
            attachment.thumbnailSha256().ifPresent(this::removeIfUnused);
            throw quotaSpent();
        }
        return AttachmentView.of(attachment);
    }

    private Refused quotaSpent() {
        return new Refused("attachment_storage_spent", "your files take all the storage you have ("
                + settings.bytesPerUser() + " bytes); delete messages with files to upload more");
    }

    /** A content no attachment refers to is removed; one uploaded again meanwhile by someone else stays. */
    private void removeIfUnused(String sha256) {
        if (!attachments.refersTo(sha256)) {
            contents.remove(sha256);
        }
    }

}
