package de.eakte.audit.access;

import de.eakte.core.crypto.KeyId;

import java.time.Instant;
import java.time.Period;
import java.time.YearMonth;
import java.time.ZoneId;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * How long access entries are kept, per retention class, and which key seals an entry. An entry
 * belongs to the first class one of whose legal-basis prefixes its legal basis starts with, else to
 * the default class. Entries are sealed per calendar month (in {@code zone}); a month's key may be
 * destroyed once {@code keep} has passed after the month ended, so every entry is kept at least
 * {@code keep} and at most one month longer.
 *
 * <p>Examples: BMG § 40 (3): kept at least 12 months and deleted by the end of the following
 * calendar year: {@code keep = P12M} (an entry of December 2026 goes on 1 January 2028, the end of
 * 2027). IDNrG § 9: two years, {@code keep = P2Y}.
 */
public final class AccessLogRetention {

    public static final String DEFAULT_CLASS = "default";

    /** A retention class: its name (part of the key id), the legal bases it covers and how long it keeps. */
    public record RetentionClass(String name, List<String> legalBasisPrefixes, Period keep) {
        public RetentionClass {
            KeyId.accessPeriod(name, YearMonth.of(2026, 1)); // the name must fit a key id
            legalBasisPrefixes = List.copyOf(legalBasisPrefixes);
            if (keep.isNegative() || keep.isZero()) {
                throw new IllegalArgumentException("retention class " + name + " must keep entries for some time");
            }
        }
    }

    private final List<RetentionClass> classes;
    private final RetentionClass fallback;
    private final ZoneId zone;

    public AccessLogRetention(List<RetentionClass> classes, Period defaultKeep, ZoneId zone) {
        this.classes = List.copyOf(classes);
        this.fallback = new RetentionClass(DEFAULT_CLASS, List.of(), defaultKeep);
        this.zone = zone;
    }

    /** BMG 12 months, IDNrG 2 years, everything else 2 years; months in Berlin time. */
    public static AccessLogRetention defaults() {
        return new AccessLogRetention(List.of(
                new RetentionClass("bmg", List.of("BMG"), Period.ofMonths(12)),
                new RetentionClass("idnrg", List.of("IDNrG"), Period.ofYears(2))),
                Period.ofYears(2), ZoneId.of("Europe/Berlin"));
    }

    public List<RetentionClass> classes() {
        return classes;
    }

    /** The key that seals an entry made at {@code at} under {@code legalBasis} (null: none stated). */
    public KeyId keyFor(Instant at, String legalBasis) {
        return KeyId.accessPeriod(classOf(legalBasis).name(), YearMonth.from(at.atZone(zone)));
    }

    RetentionClass classOf(String legalBasis) {
        if (legalBasis != null) {
            String basis = legalBasis.strip().toLowerCase(Locale.ROOT);
            for (RetentionClass c : classes) {
                if (c.legalBasisPrefixes().stream().anyMatch(p -> basis.startsWith(p.toLowerCase(Locale.ROOT)))) {
                    return c;
                }
            }
        }
        return fallback;
    }

    /**
     * When a period key may be destroyed; empty for a key this configuration does not know (a
     * removed class): such keys are kept until someone decides, never destroyed by guess.
     */
    public Optional<Instant> destroyableFrom(KeyId key) {
        if (!key.isAccessPeriod()) {
            return Optional.empty();
        }
        Optional<RetentionClass> known = key.accessClass().equals(DEFAULT_CLASS) ? Optional.of(fallback)
                : classes.stream().filter(c -> c.name().equals(key.accessClass())).findFirst();
        return known.map(c -> key.accessMonth().plusMonths(1).atDay(1).plus(c.keep()).atStartOfDay(zone).toInstant());
    }

    public boolean expired(KeyId key, Instant now) {
        return destroyableFrom(key).map(from -> !now.isBefore(from)).orElse(false);
    }
}
