/**
 * Who may call what. The admin bearer token opens the whole API; a node group's fetch
 * token opens that group's documents and its static nodes' and nothing else; a cluster's
 * keeper credential opens its join-token list and check-ins and nothing else; a node
 * group's report credential opens that group's machine reports and nothing else.
 * Credentials are accepted in the Authorization header only.
 */
package dev.stoker.access;
