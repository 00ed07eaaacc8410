package dev.chatserver.bootstrap;

import com.google.inject.AbstractModule;
import com.google.inject.Provides;
import com.google.inject.Scopes;
import com.google.inject.Singleton;
import com.google.inject.multibindings.Multibinder;
import dev.chatserver.adapter.http.Routes;
import dev.chatserver.adapter.http.attachment.AttachmentRoutes;
import dev.chatserver.adapter.http.attachment.AvatarRoutes;
import dev.chatserver.application.attachment.AttachmentErasure;
import dev.chatserver.application.attachment.AttachmentSettings;
import dev.chatserver.application.attachment.ReadAttachmentService;
import dev.chatserver.application.attachment.ReadAvatarService;
import dev.chatserver.application.attachment.SetAvatarService;
import dev.chatserver.application.attachment.Thumbnails;
import dev.chatserver.application.attachment.UploadAttachmentService;
import dev.chatserver.application.port.in.attachment.ReadAttachment;
import dev.chatserver.application.port.in.attachment.ReadAvatar;
import dev.chatserver.application.port.in.attachment.SetAvatar;
import dev.chatserver.application.port.in.attachment.UploadAttachment;
import dev.chatserver.application.port.out.Thumbnailer;
import dev.chatserver.application.port.out.TypeDetector;
import dev.chatserver.bootstrap.system.ImageIoThumbnailer;
import dev.chatserver.bootstrap.system.TikaTypeDetector;

/** Files and images in IM sessions: upload, download, thumbnails, and the sweep of uploads never posted. */
final class AttachmentsModule extends AbstractModule {
    @Override
    protected void configure() {
        bind(UploadAttachment.class).to(UploadAttachmentService.class).in(Scopes.SINGLETON);
        bind(ReadAttachment.class).to(ReadAttachmentService.class).in(Scopes.SINGLETON);
        bind(SetAvatar.class).to(SetAvatarService.class).in(Scopes.SINGLETON);
        bind(ReadAvatar.class).to(ReadAvatarService.class).in(Scopes.SINGLETON);
        bind(Thumbnails.class).in(Scopes.SINGLETON);
        bind(AttachmentErasure.class).in(Scopes.SINGLETON);
        bind(TypeDetector.class).toInstance(new TikaTypeDetector());
        bind(Thumbnailer.class).toInstance(new ImageIoThumbnailer());
        bind(UnpostedUploadSweep.class).asEagerSingleton();
        Multibinder.newSetBinder(binder(), Routes.class).addBinding().to(AttachmentRoutes.class);
        Multibinder.newSetBinder(binder(), Routes.class).addBinding().to(AvatarRoutes.class);
    }

    /**
     * {@code --max-attachment-size}, {@code --attachment-bytes-per-user} (lifted by {@code --user-budgets off}),
     * {@code --unposted-attachment-ttl}.
     */
    @Provides
    @Singleton
    AttachmentSettings settings(ChatOptions options) {
        int maxBytes = options.get(ServerFlags.MAX_ATTACHMENT_SIZE);
        if (maxBytes < 1) {
            throw new StartupFailure("--max-attachment-size " + maxBytes + ": at least 1");
        }
        int perUser = options.get(ServerFlags.ATTACHMENT_BYTES_PER_USER);
        if (perUser < 1) {
            throw new StartupFailure("--attachment-bytes-per-user " + perUser + ": at least 1");
        }
        java.time.Duration kept = options.get(ServerFlags.UNPOSTED_ATTACHMENT_TTL);
        if (kept.isNegative() || kept.isZero()) {
            throw new StartupFailure("--unposted-attachment-ttl " + kept + ": positive");
        }
        // --user-budgets off (load tests) lifts what one user's files may hold together with the other budgets
        long bytesPerUser = options.get(ServerFlags.USER_BUDGETS) ? perUser : Long.MAX_VALUE;
        return new AttachmentSettings(maxBytes, bytesPerUser, kept);
    }

    @Provides
    @Singleton
    AttachmentRoutes.UploadLimit uploadLimit(AttachmentSettings settings) {
        return new AttachmentRoutes.UploadLimit(settings.maxBytes());
    }
}
