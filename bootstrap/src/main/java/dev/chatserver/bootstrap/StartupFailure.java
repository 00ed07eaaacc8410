package dev.chatserver.bootstrap;

/** Start-up cannot go on; the message is one line that names the setting at fault. */
public final class StartupFailure extends RuntimeException {
    public StartupFailure(String message) {
        super(message, null, false, false);
    }
}
