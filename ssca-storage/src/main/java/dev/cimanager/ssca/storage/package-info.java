/**
 * MongoDB implementation of {@code spi.ProvenanceStore}, through the official driver only, with
 * queries the embedded mongo-java-server and a real MongoDB both serve from an index.
 */
package dev.cimanager.ssca.storage;
