package dev.chatserver.bootstrap;

import com.google.inject.AbstractModule;
import com.google.inject.Provides;
import com.google.inject.Scopes;
import com.google.inject.Singleton;
import com.google.inject.multibindings.Multibinder;
import dev.chatserver.adapter.http.Routes;
import dev.chatserver.adapter.http.im.ImNotifyRoutes;
import dev.chatserver.application.notify.AwayDigests;
import dev.chatserver.application.notify.EmailSettings;
import dev.chatserver.application.notify.MailOutbox;
import dev.chatserver.application.notify.MuteSessionService;
import dev.chatserver.application.notify.SetPreferencesService;
import dev.chatserver.application.port.in.notify.MuteSession;
import dev.chatserver.application.port.in.notify.SetPreferences;
import dev.chatserver.application.port.out.MailSender;
import dev.chatserver.bootstrap.system.SmtpMailSender;

import java.net.URI;
import java.net.URISyntaxException;
import java.time.Duration;
import java.util.Optional;

/**
 * Being told while away: the preferences and mute routes always; with {@code --smtp-url}, the digests each node
 * queues and the mail queue it sends ({@link MailSchedule}).
 */
final class EmailModule extends AbstractModule {
    @Override
    protected void configure() {
        bind(SetPreferences.class).to(SetPreferencesService.class).in(Scopes.SINGLETON);
        bind(MuteSession.class).to(MuteSessionService.class).in(Scopes.SINGLETON);
        bind(AwayDigests.class).in(Scopes.SINGLETON);
        bind(MailOutbox.class).in(Scopes.SINGLETON);
        bind(MailSchedule.class).asEagerSingleton();
        Multibinder.newSetBinder(binder(), Routes.class).addBinding().to(ImNotifyRoutes.class);
    }

    /** {@code --email-notify-after}, {@code --email-link}. */
    @Provides
    @Singleton
    EmailSettings settings(ChatOptions options) {
        Duration after = options.get(ServerFlags.EMAIL_NOTIFY_AFTER);
        if (after.isNegative()) {
            throw new StartupFailure("--email-notify-after " + after + ": not negative");
        }
        String link = options.get(ServerFlags.EMAIL_LINK);
        if (!link.startsWith("http://") && !link.startsWith("https://")) {
            throw new StartupFailure("--email-link " + link + ": an http:// or https:// address");
        }
        return EmailSettings.DEFAULT.withNotifyAfter(after).withLink(link);
    }

    /** The SMTP server of {@code --smtp-url}, or none: email is off. */
    @Provides
    @Singleton
    Optional<SmtpMailSender> smtp(ChatOptions options) {
        Optional<String> url = options.find(ServerFlags.SMTP_URL).filter(u -> !u.isBlank() && !u.equals("none"));
        if (url.isEmpty()) {
            return Optional.empty();
        }
        try {
            return Optional.of(new SmtpMailSender(new SmtpMailSender.Settings(new URI(url.get()),
                    options.get(ServerFlags.SMTP_FROM), options.find(ServerFlags.SMTP_USER),
                    options.find(ServerFlags.SMTP_PASSWORD), options.get(ServerFlags.SMTP_STARTTLS))));
        } catch (URISyntaxException | IllegalArgumentException invalid) {
            // the URL may hold a password: never repeat it
            throw new StartupFailure("--smtp-url: " + (invalid instanceof URISyntaxException
                    ? "not a URL" : invalid.getMessage()) + " (smtp://host:port)");
        }
    }

    @Provides
    @Singleton
    MailSender sender(Optional<SmtpMailSender> smtp) {
        return smtp.<MailSender>map(s -> s).orElse(mail -> {
            throw new MailSender.NotSent("email is off (no --smtp-url)", null);
        });
    }
}
