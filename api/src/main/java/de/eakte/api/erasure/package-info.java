/**
 * GDPR Art. 17 and 18 over HTTP: erasure requests by the citizen or on their behalf, the DPO's
 * opinion, the controller's decision (which destroys the citizen's keys), and 410 Gone afterwards.
 */
package de.eakte.api.erasure;
