/**
 * Access recording: the event-store implementation of the {@code AccessRecorder} port. Every read
 * of citizen data leaves an {@code AccessRecorded} event before the data is returned.
 */
package de.eakte.audit.access;
