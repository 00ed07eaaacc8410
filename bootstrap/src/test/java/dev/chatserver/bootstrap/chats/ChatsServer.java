package dev.chatserver.bootstrap.chats;

import dev.chatserver.application.contract.RecordingBus;
import com.fasterxml.jackson.databind.JsonNode;
import com.google.inject.AbstractModule;
import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.MACSigner;
import com.nimbusds.jose.crypto.RSASSASigner;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.OctetSequenceKey;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jose.jwk.gen.RSAKeyGenerator;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import dev.chatserver.application.port.out.NotificationBus;
import dev.chatserver.bootstrap.kit.ApiClient;
import dev.chatserver.bootstrap.kit.RunningServer;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import java.util.Map;

/**
 * The real server for Chats API tests: the demo users, {@code support} and the backend of
 * {@code svc.example.org} as tenants of {@code example.org}, two JWT issuers (RSA and HMAC) and a bus that
 * records what is published.
 */
public final class ChatsServer implements AutoCloseable {
    public static final String AUDIENCE = "example.org";
    static final String RSA_ISSUER = "svc.example.org";
    static final String HMAC_ISSUER = "hmac.example.org";
    static final String JWT_AUDIENCE = "chats.example.org";
    public static final int MAX_PAYLOAD = 4096;

    private static final RSAKey RSA_KEY = rsaKey();
    private static final byte[] HMAC_SECRET = "a-shared-secret-of-at-least-32-bytes!".getBytes(StandardCharsets.UTF_8);

    final RecordingBus bus = new RecordingBus();
    private final RunningServer server;
    private final Path keys;

    private ChatsServer(List<String> storageFlags) {
        try {
            keys = Files.createTempDirectory("chats-keys");
            Path rsa = Files.writeString(keys.resolve("svc.jwks.json"), new JWKSet(RSA_KEY.toPublicJWK()).toString());
            Path hmac = Files.writeString(keys.resolve("hmac.jwk.json"),
                    new OctetSequenceKey.Builder(HMAC_SECRET).build().toJSONString());
            List<String> flags = new ArrayList<>(storageFlags);
            flags.addAll(List.of("--demo",
                    "--chats-tenants", AUDIENCE + "=support.usr.localhost, backend." + RSA_ISSUER + ";other.org=lynx.usr.localhost",
                    "--chats-jwt-keys", RSA_ISSUER + "=" + rsa + ";" + HMAC_ISSUER + "=" + hmac,
                    "--chats-jwt-audience", JWT_AUDIENCE,
                    "--chats-max-payload", Integer.toString(MAX_PAYLOAD)));
            server = RunningServer.start(flags, new AbstractModule() {
                @Override
                protected void configure() {
                    bind(NotificationBus.class).toInstance(bus);
                }
            });
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public static ChatsServer inMemory() {
        return new ChatsServer(List.of("--storage", "memory"));
    }

    public static ChatsServer on(List<String> storageFlags) {
        return new ChatsServer(storageFlags);
    }

    public int port() {
        return server.port();
    }

    public ApiClient client() {
        return server.client();
    }

    public String signIn(String login) {
        return server.client().signInAs(login);
    }

    public ApiClient.Response post(String path, String body, String token) {
        return server.client().postRaw(path, body, token == null ? Map.of() : Map.of("Authorization", "Bearer " + token));
    }

    public ApiClient.Response get(String path, String token) {
        return server.client().get(path, token == null ? Map.of() : Map.of("Authorization", "Bearer " + token));
    }

    /** Creates a chat as the tenant and answers it. */
    public JsonNode createChat(String token, String scope) {
        ApiClient.Response created = post("/api/v1/chats",
                "{\"audience\":\"" + AUDIENCE + "\",\"scope\":\"" + scope + "\",\"tags\":{\"course\":42}}", token);
        if (created.status() != 201) {
            throw new IllegalStateException("creating the chat failed: " + created.raw().body());
        }
        return created.json();
    }

    static String rsaToken(String subject, String audience, Instant expires) {
        return sign(new RSASSASigner(rsaPrivate()), JWSAlgorithm.RS256, RSA_ISSUER, subject, audience, expires);
    }

    static String hmacToken(String issuer, String subject, Instant expires) {
        try {
            return sign(new MACSigner(HMAC_SECRET), JWSAlgorithm.HS256, issuer, subject, JWT_AUDIENCE, expires);
        } catch (JOSEException e) {
            throw new IllegalStateException(e);
        }
    }

    /** A token of the RSA issuer signed with another key. */
    static String forgedToken() {
        try {
            RSAKey other = new RSAKeyGenerator(2048).generate();
            return sign(new RSASSASigner(other), JWSAlgorithm.RS256, RSA_ISSUER, "backend", JWT_AUDIENCE,
                    Instant.now().plus(Duration.ofHours(1)));
        } catch (JOSEException e) {
            throw new IllegalStateException(e);
        }
    }

    private static String sign(com.nimbusds.jose.JWSSigner signer, JWSAlgorithm algorithm, String issuer,
                               String subject, String audience, Instant expires) {
        JWTClaimsSet claims = new JWTClaimsSet.Builder().issuer(issuer).subject(subject).audience(audience)
                .issueTime(new Date()).expirationTime(Date.from(expires)).build();
        SignedJWT jwt = new SignedJWT(new JWSHeader(algorithm), claims);
        try {
            jwt.sign(signer);
        } catch (JOSEException e) {
            throw new IllegalStateException(e);
        }
        return jwt.serialize();
    }

    private static RSAKey rsaKey() {
        try {
            return new RSAKeyGenerator(2048).keyID("svc-1").generate();
        } catch (JOSEException e) {
            throw new IllegalStateException(e);
        }
    }

    private static java.security.PrivateKey rsaPrivate() {
        try {
            return RSA_KEY.toPrivateKey();
        } catch (JOSEException e) {
            throw new IllegalStateException(e);
        }
    }

    @Override
    public void close() {
        server.close();
        try (var files = Files.list(keys)) {
            for (Path file : files.toList()) {
                Files.delete(file);
            }
            Files.delete(keys);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
