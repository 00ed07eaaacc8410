package dev.chatserver.adapter.http.chats;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.jwk.JWK;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.KeyType;
import com.nimbusds.jose.jwk.source.ImmutableJWKSet;
import com.nimbusds.jose.proc.BadJOSEException;
import com.nimbusds.jose.proc.JWSVerificationKeySelector;
import com.nimbusds.jose.proc.SecurityContext;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import com.nimbusds.jwt.proc.ConfigurableJWTProcessor;
import com.nimbusds.jwt.proc.DefaultJWTClaimsVerifier;
import com.nimbusds.jwt.proc.DefaultJWTProcessor;
import dev.chatserver.domain.chats.AccountId;
import dev.chatserver.domain.problem.Unauthenticated;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.text.ParseException;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;

/**
 * JWTs that tenants' backends present: signed with a key configured for their issuer ({@code iss}), not
 * expired ({@code exp}), meant for this server ({@code aud}). The account is the pair (sub, iss), e.g. a token
 * of issuer {@code svc.example.org} for subject {@code backend} is the account {@code backend.svc.example.org}.
 */
public final class TenantTokens {
    /** The one answer to every token refused. */
    public static final String REFUSED = "the bearer token is not accepted";
    private static final Logger LOG = LoggerFactory.getLogger(TenantTokens.class);
    private static final int MAX_LOGGED_REASON = 200;
    private static final Set<String> REQUIRED_CLAIMS = Set.of("iss", "sub", "exp");

    private final Map<String, ConfigurableJWTProcessor<SecurityContext>> byIssuer;

    private TenantTokens(Map<String, ConfigurableJWTProcessor<SecurityContext>> byIssuer) {
        this.byIssuer = Map.copyOf(byIssuer);
    }

    public static TenantTokens none() {
        return new TenantTokens(Map.of());
    }

    /**
     * @param keysByIssuer a JWK set (or a single JWK) in JSON per issuer: public RSA, EC or OKP keys, or
     *                     shared HMAC secrets
     * @param audience     the {@code aud} every token must name
     * @throws IllegalArgumentException when a key does not read as a JWK
     */
    public static TenantTokens of(Map<String, String> keysByIssuer, String audience) {
        if (!keysByIssuer.isEmpty() && (audience == null || audience.isBlank())) {
            throw new IllegalArgumentException("tokens are checked against an audience: give one");
        }
        Map<String, ConfigurableJWTProcessor<SecurityContext>> processors = new HashMap<>();
        keysByIssuer.forEach((issuer, json) -> processors.put(issuer, processor(issuer, keys(issuer, json), audience)));
        return new TenantTokens(processors);
    }

    private static JWKSet keys(String issuer, String json) {
        try {
            return json.contains("\"keys\"") ? JWKSet.parse(json) : new JWKSet(JWK.parse(json));
        } catch (ParseException e) {
            throw new IllegalArgumentException("the keys of the issuer " + issuer + " are not a JWK set: " + e.getMessage(), e);
        }
    }

    private static ConfigurableJWTProcessor<SecurityContext> processor(String issuer, JWKSet keys, String audience) {
        Set<JWSAlgorithm> algorithms = new HashSet<>();
        for (JWK key : keys.getKeys()) {
            KeyType type = key.getKeyType();
            if (KeyType.OCT.equals(type)) {
                algorithms.addAll(JWSAlgorithm.Family.HMAC_SHA);
            } else if (KeyType.RSA.equals(type)) {
                algorithms.addAll(JWSAlgorithm.Family.RSA);
            } else if (KeyType.EC.equals(type)) {
                algorithms.addAll(JWSAlgorithm.Family.EC);
            } else if (KeyType.OKP.equals(type)) {
                algorithms.addAll(JWSAlgorithm.Family.ED);
            }
        }
        if (algorithms.isEmpty()) {
            throw new IllegalArgumentException("the issuer " + issuer + " has no signing key");
        }
        DefaultJWTProcessor<SecurityContext> processor = new DefaultJWTProcessor<>();
        processor.setJWSKeySelector(new JWSVerificationKeySelector<>(algorithms, new ImmutableJWKSet<>(keys)));
        processor.setJWTClaimsSetVerifier(new DefaultJWTClaimsVerifier<>(audience,
                new JWTClaimsSet.Builder().issuer(issuer).build(), REQUIRED_CLAIMS));
        return processor;
    }

    /** Three dot-separated parts: the compact form of a JWS. Sign-in tokens never hold a dot. */
    public static boolean looksLikeJwt(String token) {
        return token.chars().filter(c -> c == '.').count() == 2;
    }

    /**
     * The account a valid token stands for; for anything else {@link Unauthenticated} with one and the same
     * message, whatever was wrong (unknown issuer, a key of another type, signature, expiry, audience, form), so
     * that a refusal tells nothing of the configuration. Why goes to the log, at debug.
     */
    public AccountId account(String token) {
        try {
            SignedJWT jwt = SignedJWT.parse(token);
            String issuer = jwt.getJWTClaimsSet().getIssuer();
            ConfigurableJWTProcessor<SecurityContext> processor = issuer == null ? null : byIssuer.get(issuer);
            if (processor == null) {
                throw new BadJOSEException("no keys for the issuer " + issuer);
            }
            JWTClaimsSet claims = processor.process(jwt, null);
            return new AccountId(claims.getSubject(), issuer);
        } catch (ParseException | BadJOSEException | JOSEException | RuntimeException e) {
            throw refused(e);
        }
    }

    private static Unauthenticated refused(Exception why) {
        if (LOG.isDebugEnabled()) {
            LOG.debug("refused a bearer JWT: {}: {}", why.getClass().getSimpleName(), bounded(why.getMessage()));
        }
        return new Unauthenticated(REFUSED);
    }

    /** A reason as logged: a token's claims are the caller's text, so at most a line of it. */
    private static String bounded(String text) {
        String line = String.valueOf(text);
        line = line.length() <= MAX_LOGGED_REASON ? line : line.substring(0, MAX_LOGGED_REASON) + "...";
        return line.replaceAll("\\p{Cntrl}", " ");
    }
}
