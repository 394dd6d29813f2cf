package de.eakte.audit.access;

import de.eakte.core.shared.CitizenId;
import org.axonframework.messaging.MetaData;

import java.time.Instant;
import java.util.function.Function;

/**
 * An entry of a citizen's access chain before it has its place: everything but the link, which
 * the writer fills in (the base64 leaf hash of the citizen's previous stored entry, or null for the
 * first) once it knows the head.
 *
 * @param identifier the event identifier it will be stored under
 * @param payload    builds the event from the previous entry's hash
 */
public record ChainDraft(CitizenId citizen, String identifier, Instant timestamp, MetaData metaData,
                         Function<String, Object> payload) {
}
