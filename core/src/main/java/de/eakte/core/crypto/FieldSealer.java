package de.eakte.core.crypto;

import javax.crypto.AEADBadTagException;
import javax.crypto.Cipher;
import javax.crypto.SecretKey;
import javax.crypto.spec.GCMParameterSpec;
import java.io.ByteArrayOutputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.security.GeneralSecurityException;
import java.util.Arrays;
import java.util.Base64;
import java.util.Optional;

/**
 * Seals personal fields where an event is built and opens them where it is read: AES-256-GCM
 * with the JDK's cipher (NIST SP 800-38D), a 96-bit nonce and 128-bit tag; the associated data
 * binds aggregate id, field slot and key id. A null value stays null (nothing to protect).
 */
public final class FieldSealer {

    private static final String TRANSFORMATION = "AES/GCM/NoPadding";
    private static final int NONCE_BYTES = 12;
    private static final int TAG_BITS = 128;
    private static final String AAD_VERSION = "eakte-seal-1";

    private final DataKeys keys;
    private final NonceSource nonces;

    public FieldSealer(DataKeys keys, NonceSource nonces) {
        this.keys = keys;
        this.nonces = nonces;
    }

    public <T> Sealed seal(KeyId key, String aggregateId, PersonalField<T> field, T value) {
        if (value == null) {
            return null;
        }
        SecretKey secret = keys.forSealing(key);
        byte[] nonce = new byte[NONCE_BYTES];
        nonces.fill(nonce);
        try {
            Cipher cipher = Cipher.getInstance(TRANSFORMATION);
            cipher.init(Cipher.ENCRYPT_MODE, secret, new GCMParameterSpec(TAG_BITS, nonce));
            cipher.updateAAD(associatedData(aggregateId, field, key));
            byte[] sealed = cipher.doFinal(field.codec().encode(value));
            byte[] out = ByteBuffer.allocate(NONCE_BYTES + sealed.length).put(nonce).put(sealed).array();
            return new Sealed(key, Base64.getEncoder().encodeToString(out));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("AES-GCM is not available", e);
        }
    }

    /** Opens a sealed value; a null stays null, a destroyed key gives {@link Opened.Redacted}. */
    public <T> Opened<T> open(Sealed sealed, String aggregateId, PersonalField<T> field) {
        if (sealed == null) {
            return new Opened.Plain<>(null);
        }
        Optional<SecretKey> secret = keys.forOpening(sealed.key());
        if (secret.isEmpty()) {
            return new Opened.Redacted<>(sealed.key());
        }
        byte[] in;
        try {
            in = Base64.getDecoder().decode(sealed.data());
        } catch (IllegalArgumentException e) {
            throw new SealBrokenException("sealed " + field.slot() + " of " + aggregateId + " is not base64", e);
        }
        if (in.length < NONCE_BYTES + TAG_BITS / 8) {
            throw new SealBrokenException("sealed " + field.slot() + " of " + aggregateId + " is truncated", null);
        }
        try {
            Cipher cipher = Cipher.getInstance(TRANSFORMATION);
            cipher.init(Cipher.DECRYPT_MODE, secret.get(),
                    new GCMParameterSpec(TAG_BITS, Arrays.copyOfRange(in, 0, NONCE_BYTES)));
            cipher.updateAAD(associatedData(aggregateId, field, sealed.key()));
            byte[] plain = cipher.doFinal(in, NONCE_BYTES, in.length - NONCE_BYTES);
            return new Opened.Plain<>(field.codec().decode(plain));
        } catch (AEADBadTagException e) {
            throw new SealBrokenException("sealed " + field.slot() + " of " + aggregateId
                    + " does not authenticate: altered, or moved from another aggregate, field or key", e);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("AES-GCM is not available", e);
        }
    }

    /** Length-prefixed, so no two (aggregate, slot, key) triples share an encoding. */
    private static byte[] associatedData(String aggregateId, PersonalField<?> field, KeyId key) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream(128);
        try (DataOutputStream out = new DataOutputStream(bytes)) {
            out.writeUTF(AAD_VERSION);
            out.writeUTF(aggregateId);
            out.writeUTF(field.slot());
            out.writeUTF(key.value());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return bytes.toByteArray();
    }
}
