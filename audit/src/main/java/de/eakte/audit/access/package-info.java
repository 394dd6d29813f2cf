/**
 * Access recording: the event-store implementation of the {@code AccessRecorder} port. Every read
 * of citizen data leaves an {@code AccessRecorded} event before the data is returned, as the next
 * link of that citizen's access chain (see {@link de.eakte.audit.access.CitizenAccessLog}).
 */
package de.eakte.audit.access;
