/**
 * The HTTP edge shared by all controllers: problem responses, correlation ids, body limits,
 * ETag/If-Match, Idempotency-Key, and read-your-writes waiting.
 */
package de.eakte.api.web;
