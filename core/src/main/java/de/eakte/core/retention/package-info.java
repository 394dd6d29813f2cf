/**
 * Retention and disposal (Aussonderung): disposal lists of closed cases whose retention period has
 * ended, drawn up daily or on request, confirmed by one person of records management and approved
 * by a second (four eyes); on approval each case is destroyed (V: its data key goes), offered to
 * the archive for appraisal (B) or marked for transfer to the archive (A). Owns the
 * {@link de.eakte.core.retention.DisposalList} aggregate, its commands, events and the
 * {@link de.eakte.core.retention.RetentionRegister} port.
 */
package de.eakte.core.retention;
