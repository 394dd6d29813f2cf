package de.eakte.api.access;

import de.eakte.audit.access.AccessLogRetention;
import org.springframework.boot.context.properties.bind.Bindable;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.core.env.Environment;

import java.time.Period;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The access-log retention from the configuration (docs/operations.md, "Access-log retention"):
 * {@code eakte.access-log.retention.classes.<name>.legal-basis} (prefixes, comma-separated) and
 * {@code .keep} (ISO period), {@code default-keep} and {@code zone}. Without any class configured,
 * {@link AccessLogRetention#defaults()} (BMG 12 months, IDNrG 2 years, default 2 years) holds.
 */
final class AccessLogRetentionSettings {

    static final String PREFIX = "eakte.access-log.retention";

    /** One configured class. */
    record ClassSettings(List<String> legalBasis, Period keep) {
    }

    private AccessLogRetentionSettings() {
    }

    static AccessLogRetention from(Environment environment) {
        Binder binder = Binder.get(environment);
        Map<String, ClassSettings> configured = binder.bind(PREFIX + ".classes",
                Bindable.mapOf(String.class, ClassSettings.class)).orElse(Map.of());
        AccessLogRetention defaults = AccessLogRetention.defaults();
        Period defaultKeep = binder.bind(PREFIX + ".default-keep", Period.class).orElse(Period.ofYears(2));
        ZoneId zone = binder.bind(PREFIX + ".zone", ZoneId.class).orElse(ZoneId.of("Europe/Berlin"));
        if (configured.isEmpty()) {
            return new AccessLogRetention(defaults.classes(), defaultKeep, zone);
        }
        List<AccessLogRetention.RetentionClass> classes = new ArrayList<>();
        configured.forEach((name, c) -> classes.add(new AccessLogRetention.RetentionClass(name,
                c.legalBasis() == null ? List.of() : c.legalBasis(), c.keep())));
        return new AccessLogRetention(classes, defaultKeep, zone);
    }
}
