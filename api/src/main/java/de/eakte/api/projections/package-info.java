/**
 * Rebuilding read models from the event store: {@code ProjectionRebuilds} (the search model in a
 * new generation beside the serving one, then a swap; the others by replaying their processor in
 * place), the admin endpoints {@code /api/admin/projections} and the progress line the
 * {@code projections rebuild} sub-command prints.
 */
package de.eakte.api.projections;
