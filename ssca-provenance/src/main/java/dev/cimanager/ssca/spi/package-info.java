/**
 * What the host implements for the SSCA module: secrets by reference ({@link
 * dev.cimanager.ssca.spi.SecretResolver}) and the provenance records' store ({@link
 * dev.cimanager.ssca.spi.ProvenanceStore}, MongoDB in {@code ssca-storage}). Depends on nothing else
 * of the module.
 */
package dev.cimanager.ssca.spi;
