package dev.chatserver.bootstrap;

import dev.chatserver.adapter.http.chats.ChatsApiSettings;
import dev.chatserver.domain.chats.AccountId;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class ChatsSettingsTest {

    private static ChatsSettings from(String... args) {
        return ChatsSettings.from(Options.parse(args, Map.of()).typed());
    }

    @Test
    void without_flags_nobody_is_a_tenant_and_no_issuer_is_trusted() {
        ChatsSettings settings = from();

        assertThat(settings.tenants().byAudience()).isEmpty();
        assertThat(settings.jwtKeysByIssuer()).isEmpty();
        assertThat(settings.api()).isEqualTo(new ChatsApiSettings(ChatsApiSettings.DEFAULT_MAX_PAYLOAD_BYTES, "usr.localhost"));
        assertThat(settings.jwtAudience()).isEqualTo("chat-server");
    }

    @Test
    void tenants_are_read_per_audience_from_flags_or_environment(@TempDir Path dir) throws IOException {
        Path keys = Files.writeString(dir.resolve("k.json"), "{\"kty\":\"oct\",\"k\":\"c2VjcmV0\"}");
        ChatsSettings settings = ChatsSettings.from(Options.parse(new String[]{
                "--chats-tenants", " example.org = backend.svc.example.org , support.usr.localhost ; other.org=x.y",
                "--chats-max-payload", "1024"}, Map.of(
                "CHAT_CHATS_JWT_KEYS", "svc.example.org=" + keys,
                "CHAT_CHATS_ACCOUNT_AUDIENCE", "usr.example.org",
                "CHAT_CHATS_JWT_AUDIENCE", "chats.example.org")).typed());

        assertThat(settings.tenants().isTenant(AccountId.parse("backend.svc.example.org"), "example.org")).isTrue();
        assertThat(settings.tenants().isTenant(AccountId.parse("support.usr.localhost"), "example.org")).isTrue();
        assertThat(settings.tenants().isTenant(AccountId.parse("x.y"), "other.org")).isTrue();
        assertThat(settings.tenants().isTenant(AccountId.parse("x.y"), "example.org")).isFalse();
        assertThat(settings.api()).isEqualTo(new ChatsApiSettings(1024, "usr.example.org"));
        assertThat(settings.jwtKeysByIssuer()).containsEntry("svc.example.org", "{\"kty\":\"oct\",\"k\":\"c2VjcmV0\"}");
        assertThat(settings.jwtAudience()).isEqualTo("chats.example.org");
    }

    @Test
    void bad_settings_name_the_flag() {
        assertThatThrownBy(() -> from("--chats-tenants", "example.org")).isInstanceOf(StartupFailure.class)
                .hasMessageStartingWith("--chats-tenants");
        assertThatThrownBy(() -> from("--chats-tenants", "example.org=nodot")).isInstanceOf(StartupFailure.class)
                .hasMessageStartingWith("--chats-tenants");
        assertThatThrownBy(() -> from("--chats-jwt-keys", "svc.example.org=/no/such/file")).isInstanceOf(StartupFailure.class)
                .hasMessageStartingWith("--chats-jwt-keys");
        assertThatThrownBy(() -> from("--chats-max-payload", "10")).isInstanceOf(StartupFailure.class)
                .hasMessageContaining("--chats-max-payload");
        assertThatThrownBy(() -> from("--chats-max-payload", "lots")).isInstanceOf(StartupFailure.class)
                .hasMessageContaining("--chats-max-payload");
    }
}
