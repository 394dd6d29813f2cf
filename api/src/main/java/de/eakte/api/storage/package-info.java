/**
 * Database adapters for the core ports: file-reference sequences per office and year, and the
 * event-store check that a citizen's file exists.
 */
package de.eakte.api.storage;
