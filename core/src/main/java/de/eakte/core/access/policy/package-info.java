/**
 * The purpose-bound access policy: a pure function from (actor, citizen, data asked for, stated
 * purpose, break-glass justification, facts about the citizen's cases) to a decision. Also the
 * purposes catalogue it reads (a port) and its seeded defaults.
 */
package de.eakte.core.access.policy;
