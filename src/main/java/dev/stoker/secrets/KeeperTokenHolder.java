package dev.stoker.secrets;

/**
 * What a current keeper credential opens: the join-token list of one cluster.
 *
 * @param tokenId the credential's public id, which the audit log records
 */
public record KeeperTokenHolder(String cluster, String tokenId) {

}
