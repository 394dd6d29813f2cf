/** REST endpoints for citizens' files: open, correct, move, open cases, read the consolidated file. */
package de.eakte.api.citizens;
