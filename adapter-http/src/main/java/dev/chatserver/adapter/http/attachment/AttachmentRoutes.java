package dev.chatserver.adapter.http.attachment;

import dev.chatserver.adapter.http.Routes;
import dev.chatserver.adapter.http.auth.Authenticator;
import dev.chatserver.application.port.in.attachment.ReadAttachment;
import dev.chatserver.application.port.in.attachment.ReadAttachmentCommand;
import dev.chatserver.application.port.in.attachment.UploadAttachment;
import dev.chatserver.application.port.in.attachment.UploadAttachmentCommand;
import dev.chatserver.domain.account.User;
import dev.chatserver.domain.attachment.AttachmentId;
import dev.chatserver.domain.attachment.FileName;
import dev.chatserver.domain.problem.InvalidInput;
import dev.chatserver.domain.problem.NotFound;
import dev.chatserver.application.port.in.attachment.AttachmentDownload;
import java.util.Map;
import io.javalin.Javalin;
import io.javalin.http.Context;
import jakarta.inject.Inject;
import jakarta.servlet.http.Part;

import java.io.InputStream;
import java.util.UUID;

/**
 * Uploading a file to an IM session ({@code POST /im_chat/api/attachments}: multipart fields {@code uuid} and
 * {@code file}) and downloading one ({@code GET /im_chat/attachment/<id>}, {@code .../thumbnail}) by cookie or
 * bearer, for members of its session only.
 */
public final class AttachmentRoutes implements Routes {
    private final UploadAttachment upload;
    private final ReadAttachment read;
    private final Authenticator authenticator;
    private final UploadLimit limit;

    @Inject
    public AttachmentRoutes(UploadAttachment upload, ReadAttachment read, Authenticator authenticator, UploadLimit limit) {
        this.upload = upload;
        this.read = read;
        this.authenticator = authenticator;
        this.limit = limit;
    }

    @Override
    public void addTo(Javalin app) {
        app.post("/im_chat/api/attachments", this::upload);
        app.get(AttachmentJson.DOWNLOAD + "{id}", ctx -> download(ctx, false));
        app.get(AttachmentJson.DOWNLOAD + "{id}/thumbnail", ctx -> download(ctx, true));
    }

    private void upload(Context ctx) throws Exception {
        User caller = authenticator.requireUser(ctx);
        MultipartUpload body = MultipartUpload.of(ctx, limit.maxBytes());
        UUID session = sessionOf(body.text("uuid"));
        Part file = body.file("file");
        try (InputStream content = file.getInputStream()) {
            ctx.json(AttachmentJson.of(upload.upload(new UploadAttachmentCommand(caller.id(), session,
                    FileName.cleaned(file.getSubmittedFileName()), content)), ctx));
        } finally {
            file.delete();
        }
    }

    private static UUID sessionOf(String text) {
        try {
            return UUID.fromString(text);
        } catch (IllegalArgumentException e) {
            throw new InvalidInput("uuid", "uuid is not a session UUID");
        }
    }

    /** A file nobody may see, or that does not exist, or an id that is none: the same 404 alike. */
    private void download(Context ctx, boolean thumbnail) throws Exception {
        User caller = authenticator.requireUser(ctx);
        AttachmentDownload file;
        try {
            AttachmentId id = AttachmentId.parse("attachment", ctx.pathParam("id"));
            file = read.open(new ReadAttachmentCommand(caller.id(), id, thumbnail));
        } catch (NotFound | InvalidInput unknown) {
            ctx.header("Cache-Control", "no-store");
            ctx.status(404).json(Map.of("status", "error", "field", "id", "message", "id: no such attachment"));
            return;
        }
        FileResponse.send(ctx, file);
    }

    /** The largest file one upload takes ({@code --max-attachment-size}). */
    public record UploadLimit(long maxBytes) {
        public UploadLimit {
            if (maxBytes < 1) {
                throw new IllegalArgumentException("an upload limit is positive");
            }
        }
    }
}
