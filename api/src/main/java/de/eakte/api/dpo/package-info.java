/** Endpoints of the data-protection officer: the break-glass review queue. */
package de.eakte.api.dpo;
