/**
 * Cluster definitions: the model an operator writes, its defaults, storage with
 * revisions, and the admin REST API. Validation lives in the validation subpackage.
 */
package dev.stoker.cluster;
