/**
 * The one place that owns serialization: every JSON and YAML document Stoker stores or
 * answers goes through the mappers made here, so property order, null handling and
 * formatting never drift.
 */
package dev.stoker.json;
