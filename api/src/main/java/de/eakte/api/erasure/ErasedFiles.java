package de.eakte.api.erasure;

import de.eakte.core.shared.CitizenId;
import de.eakte.core.shared.DomainRuleViolation;
import de.eakte.projections.file.ConsolidatedFileProjection;
import org.springframework.stereotype.Component;

/** Tells an erased file (410 Gone) from one that never existed (404). */
@Component
public class ErasedFiles {

    private final ConsolidatedFileProjection projection;

    public ErasedFiles(ConsolidatedFileProjection projection) {
        this.projection = projection;
    }

    /** The exception to throw for a file that cannot be read: 410 if it was erased, else {@code otherwise}. */
    public RuntimeException goneOr(CitizenId citizen, RuntimeException otherwise) {
        return projection.erasedAt(citizen)
                .<RuntimeException>map(at -> DomainRuleViolation.gone("citizen-erased",
                        "the citizen's data was erased on " + at + " (GDPR Art. 17)"))
                .orElse(otherwise);
    }
}
