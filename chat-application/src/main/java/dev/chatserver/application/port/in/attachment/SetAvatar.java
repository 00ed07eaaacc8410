package dev.chatserver.application.port.in.attachment;

/**
 * A user's own avatar: the image is detected from its bytes, decoded only within the thumbnails' pixel bound, and
 * only its re-encoded, scaled-down JPEG is kept (nothing of the original's metadata). The members of the user's
 * newest sessions are told live, as for a rename. Spends from the user's upload budget.
 */
public interface SetAvatar {
    void setAvatar(SetAvatarCommand command);
}
