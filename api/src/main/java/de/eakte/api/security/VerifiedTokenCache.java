package de.eakte.api.security;

import org.springframework.security.oauth2.core.OAuth2TokenValidator;
import org.springframework.security.oauth2.core.OAuth2TokenValidatorResult;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.jwt.JwtDecoder;
import org.springframework.security.oauth2.jwt.JwtException;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Remembers tokens whose signature was verified, so a client that sends the same token with every
 * request pays the RSA check once, not each time (measured: the check cut the throughput of an
 * endpoint without database work about fourfold; docs/BENCHMARKS.md). A token is looked up by its
 * SHA-256 and, when found, still passes the validator (issuer, expiry, not-before) on every use, so
 * an expired token is refused exactly as without the cache. Only tokens the decoder accepted are
 * remembered; a failure always goes to the decoder again and is never remembered. An entry lives
 * until the token expires, at most {@code maxAge} (so a key withdrawn from an external JWK set
 * stops being trusted within that time), and the cache holds at most {@code capacity} tokens.
 */
public final class VerifiedTokenCache implements JwtDecoder {

    private record Entry(Jwt jwt, Instant evictAt) {
    }

    private final JwtDecoder decoder;
    private final OAuth2TokenValidator<Jwt> validator;
    private final int capacity;
    private final Duration maxAge;
    private final Clock clock;
    private final ConcurrentHashMap<ByteBuffer, Entry> verified = new ConcurrentHashMap<>();

    /**
     * @param decoder   verifies signatures and runs {@code validator} itself
     * @param validator the decoder's own validator, run again on each cached use
     */
    public VerifiedTokenCache(JwtDecoder decoder, OAuth2TokenValidator<Jwt> validator, int capacity, Duration maxAge,
                              Clock clock) {
        if (capacity < 1 || maxAge.isNegative() || maxAge.isZero()) {
            throw new IllegalArgumentException("capacity and max age must be positive");
        }
        this.decoder = decoder;
        this.validator = validator;
        this.capacity = capacity;
        this.maxAge = maxAge;
        this.clock = clock;
    }

    @Override
    public Jwt decode(String token) throws JwtException {
        ByteBuffer key = ByteBuffer.wrap(sha256(token));
        Instant now = clock.instant();
        Entry entry = verified.get(key);
        if (entry != null) {
            if (now.isBefore(entry.evictAt())) {
                OAuth2TokenValidatorResult checked = validator.validate(entry.jwt());
                if (!checked.hasErrors()) {
                    return entry.jwt();
                }
            }
            verified.remove(key, entry);
            // expired or no longer valid: the decoder gives the same refusal it gives any such token
        }
        Jwt jwt = decoder.decode(token); // throws on a bad signature or claim: nothing is remembered
        Instant evictAt = now.plus(maxAge);
        if (jwt.getExpiresAt() != null && jwt.getExpiresAt().isBefore(evictAt)) {
            evictAt = jwt.getExpiresAt();
        }
        if (verified.size() >= capacity) {
            makeRoom(now);
        }
        verified.put(key, new Entry(jwt, evictAt));
        return jwt;
    }

    /** Tokens remembered now. */
    public int size() {
        return verified.size();
    }

    /** Drops what has expired; if that is not enough, everything (the next requests verify again). */
    private void makeRoom(Instant now) {
        verified.values().removeIf(e -> !now.isBefore(e.evictAt()));
        if (verified.size() >= capacity) {
            verified.clear();
        }
    }

    private static byte[] sha256(String token) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(token.getBytes(StandardCharsets.UTF_8));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every JDK", e);
        }
    }
}
