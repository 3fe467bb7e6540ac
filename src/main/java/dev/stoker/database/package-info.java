/**
 * How Stoker holds its database connections: settings that keep a lost or silent database
 * from hanging a request, the translation of a database that cannot use its files into a
 * passing fault, the recovery of an embedded database whose store closed (a full disk),
 * and what readiness and liveness ask of the database.
 */
package dev.stoker.database;
