package dev.chatserver.bootstrap.system;

import dev.chatserver.application.port.out.MailSender;
import jakarta.mail.Message;
import jakarta.mail.MessagingException;
import jakarta.mail.Session;
import jakarta.mail.Transport;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeBodyPart;
import jakarta.mail.internet.MimeMessage;
import jakarta.mail.internet.MimeMultipart;

import java.net.URI;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Objects;
import java.util.Optional;
import java.util.Properties;

/**
 * Sends mail to an SMTP server with Eclipse Angus Mail (Jakarta Mail): {@code smtp://host:port}, or
 * {@code smtps://} for TLS from the first byte; credentials from the URL ({@code smtp://user:password@host}) or
 * given apart; STARTTLS required when asked. It lives with the other system out-ports in bootstrap: an SMTP sender
 * is one class and one library, and none of the adapters (storage, HTTP) is about talking to another server.
 */
public final class SmtpMailSender implements MailSender {
    private static final Duration TIMEOUT = Duration.ofSeconds(20);

    private final Session session;
    private final InternetAddress from;
    private final String protocol;
    private final Optional<String> user;
    private final Optional<String> password;

    /** What the sender is told: the server's URL, the From address, credentials (when not in the URL), STARTTLS. */
    public record Settings(URI url, String from, Optional<String> user, Optional<String> password, boolean startTls) {
        public Settings {
            Objects.requireNonNull(url, "url");
            Objects.requireNonNull(from, "from");
            Objects.requireNonNull(user, "user");
            Objects.requireNonNull(password, "password");
            if (!"smtp".equals(url.getScheme()) && !"smtps".equals(url.getScheme())) {
                throw new IllegalArgumentException("the URL starts smtp:// or smtps://");
            }
            if (url.getHost() == null) {
                throw new IllegalArgumentException("the URL names a host: smtp://host:port");
            }
        }
    }

    public SmtpMailSender(Settings settings) {
        this.protocol = settings.url().getScheme();
        Properties properties = new Properties();
        String prefix = "mail." + protocol + ".";
        properties.put("mail.transport.protocol", protocol);
        properties.put(prefix + "host", settings.url().getHost());
        properties.put(prefix + "port", Integer.toString(settings.url().getPort() > 0 ? settings.url().getPort()
                : "smtps".equals(protocol) ? 465 : 25));
        properties.put(prefix + "connectiontimeout", Long.toString(TIMEOUT.toMillis()));
        properties.put(prefix + "timeout", Long.toString(TIMEOUT.toMillis()));
        properties.put(prefix + "writetimeout", Long.toString(TIMEOUT.toMillis()));
        if (settings.startTls()) {
            properties.put(prefix + "starttls.enable", "true");
            properties.put(prefix + "starttls.required", "true");
        }
        Optional<String[]> inUrl = Optional.ofNullable(settings.url().getRawUserInfo()).map(info -> info.split(":", 2));
        this.user = settings.user().or(() -> inUrl.map(parts -> decoded(parts[0])));
        this.password = settings.password().or(() -> inUrl.filter(parts -> parts.length == 2).map(parts -> decoded(parts[1])));
        if (user.isPresent()) {
            properties.put(prefix + "auth", "true");
        }
        this.session = Session.getInstance(properties);
        try {
            this.from = new InternetAddress(settings.from(), true);
        } catch (MessagingException invalid) {
            throw new IllegalArgumentException("not an email address: " + settings.from());
        }
    }

    private static String decoded(String part) {
        return URLDecoder.decode(part, StandardCharsets.UTF_8);
    }

    @Override
    public void send(Mail mail) {
        try {
            MimeMessage message = new MimeMessage(session);
            message.setFrom(from);
            message.setRecipient(Message.RecipientType.TO, new InternetAddress(mail.to(), true));
            message.setSubject(mail.subject(), "UTF-8");
            MimeBodyPart text = new MimeBodyPart();
            text.setText(mail.text(), "UTF-8", "plain");
            MimeBodyPart html = new MimeBodyPart();
            html.setText(mail.html(), "UTF-8", "html");
            message.setContent(new MimeMultipart("alternative", text, html));
            message.saveChanges();
            try (Transport transport = session.getTransport(protocol)) {
                transport.connect(user.orElse(null), password.orElse(null));
                transport.sendMessage(message, message.getAllRecipients());
            }
        } catch (MessagingException failure) {
            throw new NotSent("the mail server did not take the mail: " + failure.getMessage(), failure);
        }
    }
}
