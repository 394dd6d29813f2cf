/**
 * Storage of the data keys behind {@link de.eakte.core.crypto.DataKeys}: random AES-256 keys in
 * table {@code data_key}, wrapped (RFC 3394) under a key-encryption key kept outside the
 * database (a key file under the data directory, or a PKCS#12 keystore), a cache that forgets a
 * destroyed key at once, and the destroyed-keys journal that survives restoring a backup.
 */
package de.eakte.api.keys;
