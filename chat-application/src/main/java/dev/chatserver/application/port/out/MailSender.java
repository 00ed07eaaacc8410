package dev.chatserver.application.port.out;

/** Sends one email (an SMTP server, in the server). */
public interface MailSender {
    /** Sends it, or throws {@link NotSent} when the mail server did not take it. */
    void send(Mail mail);

    /** One email: plain text and HTML alternatives of the same content. */
    record Mail(String to, String subject, String text, String html) {
    }

    /** The mail server could not be reached or refused the mail. */
    final class NotSent extends RuntimeException {
        public NotSent(String message, Throwable cause) {
            super(message, cause);
        }
    }
}
