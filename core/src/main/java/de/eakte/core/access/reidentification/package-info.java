/**
 * Re-identifying a staff pseudonym of the DPO's view with four eyes: a data-protection officer
 * asks, with a reason, to learn who is behind a pseudonym; a second, different DPO approves or
 * rejects; only the requester, only after approval, gets the staff member, and every step
 * (request, approval or rejection, each reveal) is an event. Staff monitoring is co-determined in
 * German public employment (BPersVG § 80(1) no. 21, the Länder's LPVG), so the step from pseudonym
 * to person is kept rare, reasoned and on record.
 */
package de.eakte.core.access.reidentification;
