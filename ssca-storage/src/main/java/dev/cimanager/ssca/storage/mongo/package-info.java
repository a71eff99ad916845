/**
 * The MongoDB client factory with the embedded default (mongo-java-server + H2 file). Used by the
 * app to obtain its {@code MongoClient}; no other package of this module depends on it.
 */
package dev.cimanager.ssca.storage.mongo;
