/**
 * Authentication and roles: the OAuth2 resource server, the fail-closed local development issuer
 * of the embedded default, JWT claims to callers, and 401/403 problem responses.
 */
package de.eakte.api.security;
