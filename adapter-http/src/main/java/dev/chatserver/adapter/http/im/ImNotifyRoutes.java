package dev.chatserver.adapter.http.im;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.chatserver.adapter.http.Routes;
import dev.chatserver.adapter.http.auth.Authenticator;
import dev.chatserver.adapter.http.jsonrpc.JsonRpc;
import dev.chatserver.adapter.http.jsonrpc.RpcParams;
import dev.chatserver.application.port.in.notify.MuteCommand;
import dev.chatserver.application.port.in.notify.MuteSession;
import dev.chatserver.application.port.in.notify.SetPreferences;
import dev.chatserver.application.port.in.notify.SetPreferencesCommand;
import dev.chatserver.domain.notify.EmailChoice;
import dev.chatserver.domain.problem.InvalidInput;
import io.javalin.Javalin;
import jakarta.inject.Inject;

import java.time.Instant;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * {@code set_preferences} ({@code email}: {@code all}, {@code mentions} or {@code none}) answers
 * {@code {"status":"success","email":"mentions"}}; {@code mute} ({@code uuid}, {@code until}: a UTC datetime as the
 * API writes them, {@code 2026-12-08 09:00:00}, or ISO-8601 with an offset; null or absent unmutes) answers
 * {@code {"status":"success","uuid":...,"muted_until":"2026-12-08 09:00:00"}} or {@code "muted_until":null}.
 */
public final class ImNotifyRoutes implements Routes {
    private static final DateTimeFormatter API_DATETIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss");
    private static final int LONGEST_DATETIME = 40;

    private final SetPreferences preferences;
    private final MuteSession muting;
    private final ImCalls calls;

    @Inject
    public ImNotifyRoutes(SetPreferences preferences, MuteSession muting, Authenticator authenticator,
                          ObjectMapper mapper) {
        this.preferences = preferences;
        this.muting = muting;
        this.calls = new ImCalls(new JsonRpc(mapper), authenticator);
    }

    @Override
    public void addTo(Javalin app) {
        app.post(ImSessionRoutes.API + "set_preferences", calls.handler((p, caller) -> {
            EmailChoice chosen = preferences.setPreferences(new SetPreferencesCommand(caller.id(),
                    EmailChoice.parse("email", p.requiredString("email"))));
            Map<String, Object> answer = new LinkedHashMap<>(ImCalls.SUCCESS);
            answer.put("email", chosen.wireName());
            return answer;
        }));
        app.post(ImSessionRoutes.API + "mute", calls.handler((p, caller) -> {
            MuteCommand command = new MuteCommand(caller.id(), p.requiredSession("uuid"), until(p));
            Optional<Instant> until = muting.mute(command);
            Map<String, Object> answer = new LinkedHashMap<>(ImCalls.SUCCESS);
            answer.put("uuid", command.session().toString());
            answer.put("muted_until", until.map(ImPayloads::datetime).orElse(null));
            return answer;
        }));
    }

    private static Optional<Instant> until(RpcParams p) {
        Optional<String> text = p.optionalString("until");
        if (text.isEmpty()) {
            return Optional.empty();
        }
        String value = text.get().trim();
        if (value.length() > LONGEST_DATETIME) {
            throw new InvalidInput("until", "until must be a datetime such as 2026-12-08 09:00:00 (UTC)");
        }
        try {
            return Optional.of(LocalDateTime.parse(value, API_DATETIME).toInstant(ZoneOffset.UTC));
        } catch (DateTimeParseException notApiForm) {
            try {
                return Optional.of(OffsetDateTime.parse(value).toInstant());
            } catch (DateTimeParseException notIso) {
                throw new InvalidInput("until", "until must be a datetime such as 2026-12-08 09:00:00 (UTC)");
            }
        }
    }
}
