package de.eakte.api.projections;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.security.SecurityRequirement;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

import java.util.List;

/**
 * Rebuilding read models on a running server (which holds the embedded database's lock, so the
 * {@code projections rebuild} sub-command cannot open it). Admins only.
 */
@RestController
@RequestMapping("/api/admin/projections")
@Tag(name = "projections", description = "Rebuild read models from the event store")
@SecurityRequirement(name = "bearer")
public class ProjectionController {

    private final ProjectionRebuilds rebuilds;

    public ProjectionController(ProjectionRebuilds rebuilds) {
        this.rebuilds = rebuilds;
    }

    /** A read model and its last rebuild, if any. */
    public record Projection(String name, ProjectionRebuilds.Status lastRebuild, String progress) {
        static Projection of(String name, ProjectionRebuilds.Status status) {
            return new Projection(name, status, status == null ? null : status.line());
        }
    }

    @GetMapping
    @Operation(summary = "List the read models that can be rebuilt, with their last rebuild")
    public List<Projection> list() {
        return rebuilds.names().stream().map(n -> Projection.of(n, rebuilds.status(n).orElse(null))).toList();
    }

    @GetMapping("/{name}")
    @Operation(summary = "Progress of a read model's rebuild", description = "Events done, rate, ETA and state "
            + "(RUNNING, SWAPPING, DONE, FAILED); `progress` is the same as one line of text.")
    public Projection status(@PathVariable String name) {
        return Projection.of(name, rebuilds.status(name).orElse(null));
    }

    @PostMapping("/{name}/rebuild")
    @Operation(summary = "Rebuild a read model from the event store", description = "Runs in the background; 202 "
            + "with the progress. The new model is built beside the serving one, which keeps answering, and swapped in "
            + "when it has caught up. One rebuild at a time (409 rebuild-running).")
    public ResponseEntity<Projection> rebuild(@PathVariable String name) {
        return ResponseEntity.status(HttpStatus.ACCEPTED).body(Projection.of(name, rebuilds.start(name)));
    }
}
