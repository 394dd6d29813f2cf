/** REST endpoints for cases: read with entries, add entries, change status and deadline. */
package de.eakte.api.cases;
