package de.eakte.core.access;

import de.eakte.core.crypto.KeyId;
import de.eakte.core.crypto.Sealed;
import de.eakte.core.shared.CitizenId;
import de.eakte.core.shared.OfficeCode;
import de.eakte.core.shared.Role;
import org.axonframework.serialization.Revision;

import java.time.Instant;
import java.util.Collections;
import java.util.EnumSet;
import java.util.Set;
import java.util.SortedMap;
import java.util.TreeMap;
import java.util.UUID;

/**
 * A fact that one caller was denied access to one citizen's data {@code attempts} times between
 * {@code from} and {@code until}, after that caller had already been denied more often than the
 * flood threshold allows within one window (docs/decisions/0008-denial-floods.md). It stands for
 * those denials in the citizen's access chain (aggregate {@code access-log-<citizen>}), so the
 * chain stays gap-free and a flood fills the log with one entry per citizen and window, not one
 * per request. No data left with any of these attempts.
 *
 * @param entryId     this entry's id (the event identifier and the citizen's reference number)
 * @param floodId     the same for every citizen's entry of one caller's flood in one window
 * @param rules       how often each denying rule applied, by rule
 * @param channels    the channels the attempts came by
 * @param previousHash base64 leaf hash of the citizen's previous chain entry; null for the first
 */
@Revision("1")
public record AccessDenialsAggregated(UUID entryId, UUID floodId, CitizenId citizenId, Instant from, Instant until,
                                      Role actorRole, Sealed actorSubject, OfficeCode actorOffice, int attempts,
                                      SortedMap<String, Integer> rules, Set<Channel> channels, String previousHash) {

    public AccessDenialsAggregated {
        rules = rules == null ? null : new TreeMap<>(rules);
        channels = channels == null ? null : inOrder(channels);
    }

    /** Enum order, so the stored form is the same every time. */
    private static Set<Channel> inOrder(Set<Channel> channels) {
        EnumSet<Channel> sorted = EnumSet.noneOf(Channel.class);
        sorted.addAll(channels);
        return Collections.unmodifiableSet(sorted);
    }

    /** The key the actor's subject is sealed under. */
    public KeyId sealedWith() {
        return actorSubject.key();
    }
}
