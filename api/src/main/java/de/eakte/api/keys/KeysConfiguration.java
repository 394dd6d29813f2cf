package de.eakte.api.keys;

import de.eakte.audit.log.CitizenAccessLogProjection;
import de.eakte.audit.log.DpoAccessLogProjection;
import de.eakte.core.crypto.FieldSealer;
import de.eakte.core.crypto.NonceSource;
import de.eakte.projections.file.ConsolidatedFileProjection;
import de.eakte.projections.search.SearchProjection;
import org.axonframework.config.ConfigurerModule;
import org.slf4j.LoggerFactory;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.env.Environment;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.PlatformTransactionManager;

import java.nio.file.Files;
import java.time.Clock;
import java.util.List;

/**
 * The data keys and the field sealer. Before the first seal or open, the key-encryption key is
 * checked against the stored keys and the destroyed-keys journal is re-applied, so a server never
 * runs on a wrong KEK or with erased keys restored from a backup.
 */
@Configuration(proxyBeanMethods = false)
public class KeysConfiguration {

    @Bean
    KeySettings keySettings(Environment environment) {
        return KeySettings.from(environment);
    }

    @Bean
    JdbcDataKeys dataKeys(KeySettings settings, JdbcTemplate jdbc, PlatformTransactionManager transactions,
                          Clock clock) {
        KeyEncryptionKey kek = keyEncryptionKey(settings, jdbc);
        JdbcDataKeys keys = new JdbcDataKeys(jdbc, transactions, kek, new DestroyedKeysJournal(settings.destroyedJournal()),
                settings.cacheTtl(), clock);
        keys.verifyKeyEncryptionKey();
        keys.reconcileWithJournal();
        return keys;
    }

    @Bean
    FieldSealer fieldSealer(JdbcDataKeys dataKeys) {
        return new FieldSealer(dataKeys, NonceSource.secureRandom());
    }

    /**
     * The processors that open sealed fields read each batch's keys in one statement. A rebuild's
     * processor takes this interceptor over from the processor it replaces (ProjectionRebuilds).
     */
    @Bean
    ConfigurerModule dataKeysReadPerBatch(JdbcDataKeys dataKeys) {
        DataKeyPrefetch prefetch = new DataKeyPrefetch(dataKeys);
        return configurer -> configurer.eventProcessing(processing -> {
            for (String group : List.of(ConsolidatedFileProjection.PROCESSING_GROUP, SearchProjection.PROCESSING_GROUP,
                    CitizenAccessLogProjection.PROCESSING_GROUP, DpoAccessLogProjection.PROCESSING_GROUP)) {
                processing.registerHandlerInterceptor(group, c -> prefetch);
            }
        });
    }

    /**
     * The configured KEK. A key file is created only while no wrapped key is stored: with keys
     * present, a new KEK could open none of them, so a missing file stops the start instead.
     */
    static KeyEncryptionKey keyEncryptionKey(KeySettings settings, JdbcTemplate jdbc) {
        if (settings.usesKeystore()) {
            return KeyEncryptionKey.fromKeystore(settings.keystorePath(), settings.keystorePassword(),
                    settings.keystoreAlias());
        }
        if (Files.exists(settings.kekFile())) {
            return KeyEncryptionKey.fromFile(settings.kekFile());
        }
        if (JdbcDataKeys.holdsWrappedKeys(jdbc)) {
            throw new KeysUnusableException("The key-encryption key file " + settings.kekFile()
                    + " does not exist, but table data_key holds data keys wrapped by a key-encryption key. "
                    + "Restore that file (or point " + KeySettings.KEK_FILE + " at it); without it the sealed "
                    + "personal data cannot be read.");
        }
        KeyEncryptionKey created = KeyEncryptionKey.createFile(settings.kekFile());
        LoggerFactory.getLogger(KeysConfiguration.class).warn("created a new key-encryption key {} at {}: "
                + "back it up apart from the database, without it no sealed field can be read",
                created.fingerprint(), settings.kekFile().toAbsolutePath());
        return created;
    }
}
