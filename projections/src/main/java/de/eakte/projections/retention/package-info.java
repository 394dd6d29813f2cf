/**
 * The disposal-list read model: every list with its status and cases (file reference, office,
 * disposal kind, retention end) and, once approved, each case's outcome. Holds no names.
 */
package de.eakte.projections.retention;
