/**
 * Cluster definitions kept over time: storage with revisions, the admin REST API, and the
 * rotation of a cluster's secrets and fetch tokens.
 */
package dev.stoker.cluster;
