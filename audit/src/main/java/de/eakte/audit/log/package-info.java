/**
 * Access-log read models. {@code CitizenAccessLogProjection} keeps, per citizen, every recorded
 * access by someone other than the citizen (time, office, purpose, legal basis, data categories,
 * outcome, break-glass flag, a reference number to quote to the DPO), paged newest first with an
 * opaque cursor. It keeps no staff member and no free-text reason (CJEU C-579/21).
 */
package de.eakte.audit.log;
