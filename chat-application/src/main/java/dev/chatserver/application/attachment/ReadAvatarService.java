package dev.chatserver.application.attachment;

import dev.chatserver.application.port.in.attachment.ReadAvatar;
import dev.chatserver.application.port.out.AccountStandings;
import dev.chatserver.application.port.out.FileContents;
import dev.chatserver.domain.account.UserId;
import jakarta.inject.Inject;

import java.io.InputStream;
import java.util.Optional;

public final class ReadAvatarService implements ReadAvatar {
    private final AccountStandings standings;
    private final FileContents contents;

    @Inject
    public ReadAvatarService(AccountStandings standings, FileContents contents) {
        this.standings = standings;
        this.contents = contents;
    }

    @Override
    public Optional<InputStream> avatarOf(UserId user) {
        return standings.avatar(user).flatMap(sha256 -> contents.open(sha256, 0));
    }
}
