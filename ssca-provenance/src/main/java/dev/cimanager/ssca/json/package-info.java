/**
 * The module's one JSON mapper ({@link dev.cimanager.ssca.json.SscaJson}). Depends on nothing in
 * the module.
 */
package dev.cimanager.ssca.json;
