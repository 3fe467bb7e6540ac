/**
 * Cluster definitions kept over time: storage with revisions and the history of every
 * revision, the admin REST API, and the rotation of a cluster's secrets and fetch tokens.
 */
package dev.stoker.cluster;
