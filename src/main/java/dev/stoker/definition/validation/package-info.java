/**
 * Write-time validation of cluster definitions: every problem is found in one pass and
 * reported with the JSON Pointer of the field that is wrong, so an operator fixes a
 * definition in one round trip instead of learning about it at boot.
 */
package dev.stoker.definition.validation;
