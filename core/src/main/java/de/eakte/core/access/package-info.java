/**
 * Access to citizen data: the {@link de.eakte.core.access.AccessRecorder} port every read passes,
 * the record it takes, and the {@link de.eakte.core.access.AccessRecorded} event it stores.
 */
package de.eakte.core.access;
