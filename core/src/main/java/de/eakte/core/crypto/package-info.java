/**
 * Field encryption for crypto-shredding (GDPR Art. 17): personal fields of events are sealed with
 * AES-256-GCM under data keys that can be destroyed. The associated data binds the aggregate id,
 * a stable field slot and the key id, so a ciphertext moved elsewhere does not open. Once a key is
 * destroyed a sealed value opens as {@link de.eakte.core.crypto.Opened.Redacted}, never as an
 * error. Keys are held behind the {@link de.eakte.core.crypto.DataKeys} port.
 */
package de.eakte.core.crypto;
