package dev.chatserver.application.attachment;

import dev.chatserver.application.budget.Budget;
import dev.chatserver.application.budget.UserBudgets;
import dev.chatserver.application.im.ProfileAnnouncements;
import dev.chatserver.application.port.in.attachment.SetAvatar;
import dev.chatserver.application.port.in.attachment.SetAvatarCommand;
import dev.chatserver.application.port.out.AccountStandings;
import dev.chatserver.application.port.out.FileContents;
import dev.chatserver.application.port.out.Thumbnailer;
import dev.chatserver.application.port.out.Transactions;
import dev.chatserver.application.port.out.TypeDetector;
import dev.chatserver.domain.attachment.FileName;
import dev.chatserver.domain.problem.InvalidInput;
import jakarta.inject.Inject;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Set;

public final class SetAvatarService implements SetAvatar {
    private static final Set<String> IMAGES = Set.of("image/png", "image/jpeg", "image/gif");

    private final AccountStandings standings;
    private final FileContents contents;
    private final TypeDetector types;
    private final Thumbnailer thumbnailer;
    private final Transactions transactions;
    private final UserBudgets budgets;
    private final ProfileAnnouncements announcements;

    @Inject
    public SetAvatarService(AccountStandings standings, FileContents contents, TypeDetector types,
                            Thumbnailer thumbnailer, Transactions transactions, UserBudgets budgets,
                            ProfileAnnouncements announcements) {
        this.standings = standings;
        this.contents = contents;
        this.types = types;
        this.thumbnailer = thumbnailer;
        this.transactions = transactions;
        this.budgets = budgets;
        this.announcements = announcements;
    }

    @Override
    public void setAvatar(SetAvatarCommand command) {
        budgets.spend(Budget.UPLOADS, command.user());
        byte[] original;
        try (InputStream file = new BoundedContent(command.file(), SetAvatarCommand.MAX_BYTES, "file")) {
            original = file.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        String type = types.detect(new ByteArrayInputStream(original), new FileName("avatar"));
        if (!IMAGES.contains(type)) {
            throw new InvalidInput("file", "file is a PNG, JPEG or GIF image");
        }
        byte[] avatar = thumbnailer.thumbnail(new ByteArrayInputStream(original), type)
                .orElseThrow(() -> new InvalidInput("file", "file is an image that cannot be read, or has too many pixels"));
        String sha256 = contents.store(new ByteArrayInputStream(avatar)).sha256();
        transactions.inTransaction(() -> {
            standings.setAvatar(command.user(), sha256);
            announcements.profileChanged(command.user());
        });
    }
}
