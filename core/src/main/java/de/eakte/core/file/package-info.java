/**
 * Queries of the consolidated file (Bürgerakte across offices) and of single cases, answered by
 * the projections module.
 */
package de.eakte.core.file;
