/**
 * Who may call what: the admin bearer token that guards the API.
 */
package dev.stoker.access;
