package dev.stoker.secrets;

/**
 * What a current fetch token opens: the documents of one node group of one cluster.
 *
 * @param tokenId the token's public id, which the audit log records
 */
public record FetchTokenHolder(String cluster, String group, String tokenId) {

}
