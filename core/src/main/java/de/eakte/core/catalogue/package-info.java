/**
 * Reference data: offices, their case types with file-plan keys, processing targets, default
 * confidentiality, and retention period with disposal kind (A/B/V).
 */
package de.eakte.core.catalogue;
