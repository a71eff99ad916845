/**
 * The JSON the REST API and the web UI speak: request and response records with Jackson annotations
 * only. No logic here; validation happens in the app, which names each field in its error messages.
 */
package dev.cimanager.contracts;
