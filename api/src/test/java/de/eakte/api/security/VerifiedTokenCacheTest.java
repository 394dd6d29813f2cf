package de.eakte.api.security;

import de.eakte.api.support.MutableClock;

import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.RSASSASigner;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.security.oauth2.core.DelegatingOAuth2TokenValidator;
import org.springframework.security.oauth2.core.OAuth2TokenValidator;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.jwt.JwtDecoder;
import org.springframework.security.oauth2.jwt.JwtException;
import org.springframework.security.oauth2.jwt.JwtIssuerValidator;
import org.springframework.security.oauth2.jwt.JwtTimestampValidator;
import org.springframework.security.oauth2.jwt.NimbusJwtDecoder;

import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.interfaces.RSAPublicKey;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.Date;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Real RS256 tokens and Nimbus verification; only the number of verifications is counted. */
class VerifiedTokenCacheTest {

    private static KeyPair key;
    private static KeyPair otherKey;

    private final MutableClock clock = new MutableClock(Instant.parse("2026-11-21T10:00:00Z"));
    private final AtomicInteger verifications = new AtomicInteger();
    private OAuth2TokenValidator<Jwt> validator;
    private JwtDecoder counted;

    @BeforeAll
    static void keys() throws Exception {
        KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
        generator.initialize(2048);
        key = generator.generateKeyPair();
        otherKey = generator.generateKeyPair();
    }

    @BeforeEach
    void decoder() {
        JwtTimestampValidator timestamps = new JwtTimestampValidator(Duration.ZERO);
        timestamps.setClock(clock);
        validator = new DelegatingOAuth2TokenValidator<>(timestamps, new JwtIssuerValidator("eakte-local"));
        NimbusJwtDecoder nimbus = NimbusJwtDecoder.withPublicKey((RSAPublicKey) key.getPublic()).build();
        nimbus.setJwtValidator(validator);
        counted = token -> {
            verifications.incrementAndGet();
            return nimbus.decode(token);
        };
    }

    private VerifiedTokenCache cache(int capacity, Duration maxAge) {
        return new VerifiedTokenCache(counted, validator, capacity, maxAge, clock);
    }

    @Test
    void givenAVerifiedToken_whenUsedAgain_thenItIsNotVerifiedAgain() throws Exception {
        VerifiedTokenCache cache = cache(100, Duration.ofMinutes(5));
        String token = token(key, "alice", clock.instant().plus(Duration.ofHours(1)));

        Jwt first = cache.decode(token);
        Jwt second = cache.decode(token);

        assertThat(second.getSubject()).isEqualTo("alice");
        assertThat(second).isSameAs(first);
        assertThat(verifications).hasValue(1);
    }

    @Test
    void givenACachedToken_whenItExpires_thenItIsRefused() throws Exception {
        VerifiedTokenCache cache = cache(100, Duration.ofHours(1));
        String token = token(key, "alice", clock.instant().plus(Duration.ofMinutes(10)));
        cache.decode(token);

        clock.advance(Duration.ofMinutes(10).plusSeconds(1));

        assertThatThrownBy(() -> cache.decode(token)).isInstanceOf(JwtException.class);
        assertThat(cache.size()).isZero();
    }

    @Test
    void givenACachedToken_whenTheValidatorRefusesIt_thenItIsRefusedEvenBeforeItsEviction() throws Exception {
        // the entry is evicted at expiry anyway; here the validator's own clock runs ahead of the cache's
        MutableClock validatorClock = new MutableClock(clock.instant());
        JwtTimestampValidator timestamps = new JwtTimestampValidator(Duration.ZERO);
        timestamps.setClock(validatorClock);
        NimbusJwtDecoder nimbus = NimbusJwtDecoder.withPublicKey((RSAPublicKey) key.getPublic()).build();
        nimbus.setJwtValidator(timestamps);
        VerifiedTokenCache cache = new VerifiedTokenCache(nimbus, timestamps, 100, Duration.ofHours(1), clock);
        String token = token(key, "alice", clock.instant().plus(Duration.ofMinutes(10)));
        cache.decode(token);

        validatorClock.advance(Duration.ofMinutes(11));

        assertThatThrownBy(() -> cache.decode(token)).isInstanceOf(JwtException.class);
    }

    @Test
    void givenATokenOfAnotherKey_whenUsedTwice_thenBothAreVerifiedAndRefused() throws Exception {
        VerifiedTokenCache cache = cache(100, Duration.ofMinutes(5));
        String forged = token(otherKey, "mallory", clock.instant().plus(Duration.ofHours(1)));

        assertThatThrownBy(() -> cache.decode(forged)).isInstanceOf(JwtException.class);
        assertThatThrownBy(() -> cache.decode(forged)).isInstanceOf(JwtException.class);

        assertThat(verifications).hasValue(2);
        assertThat(cache.size()).isZero();
    }

    @Test
    void givenACachedToken_whenItsSignatureIsAltered_thenTheAlteredOneIsRefused() throws Exception {
        VerifiedTokenCache cache = cache(100, Duration.ofMinutes(5));
        String token = token(key, "alice", clock.instant().plus(Duration.ofHours(1)));
        cache.decode(token);
        String altered = token.substring(0, token.length() - 2) + (token.endsWith("AA") ? "BB" : "AA");

        assertThatThrownBy(() -> cache.decode(altered)).isInstanceOf(JwtException.class);
    }

    @Test
    void givenACachedToken_whenMaxAgeHasPassed_thenItIsVerifiedAgain() throws Exception {
        VerifiedTokenCache cache = cache(100, Duration.ofMinutes(5));
        String token = token(key, "alice", clock.instant().plus(Duration.ofHours(1)));
        cache.decode(token);

        clock.advance(Duration.ofMinutes(6));
        cache.decode(token);

        assertThat(verifications).hasValue(2);
    }

    @Test
    void givenAFullCache_whenAnotherTokenComes_thenItHoldsNoMoreThanItsCapacity() throws Exception {
        VerifiedTokenCache cache = cache(3, Duration.ofMinutes(5));
        for (int i = 0; i < 10; i++) {
            cache.decode(token(key, "user-" + i, clock.instant().plus(Duration.ofHours(1))));
            assertThat(cache.size()).isLessThanOrEqualTo(3);
        }
    }

    private String token(KeyPair signer, String subject, Instant expires) throws Exception {
        Instant issued = clock.instant().minusSeconds(1);
        JWTClaimsSet claims = new JWTClaimsSet.Builder().issuer("eakte-local").subject(subject)
                .jwtID(UUID.randomUUID().toString()).issueTime(Date.from(issued)).notBeforeTime(Date.from(issued))
                .expirationTime(Date.from(expires)).claim("roles", List.of("staff")).claim("office", "33").build();
        SignedJWT jwt = new SignedJWT(new JWSHeader.Builder(JWSAlgorithm.RS256).keyID("local").build(), claims);
        jwt.sign(new RSASSASigner(signer.getPrivate()));
        return jwt.serialize();
    }
}
