/**
 * How Stoker holds its database connections: settings that keep a lost or silent database
 * from hanging a request.
 */
package dev.stoker.database;
