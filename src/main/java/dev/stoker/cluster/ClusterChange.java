package dev.stoker.cluster;

import java.util.Map;

import dev.stoker.secrets.FetchToken;

/**
 * A cluster as a create or replace left it, with the fetch tokens of the node groups it
 * added: the one time those are answered (besides rotation and the user-data pointer).
 */
public record ClusterChange(StoredCluster stored, Map<String, FetchToken> newFetchTokens) {

}
