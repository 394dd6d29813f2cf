/** The citizen's self-service endpoints: their own file and cases, by their token's citizen claim. */
package de.eakte.api.me;
