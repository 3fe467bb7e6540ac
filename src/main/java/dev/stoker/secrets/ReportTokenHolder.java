package dev.stoker.secrets;

/**
 * What a current report credential opens: the progress reports of one node group's
 * machines.
 *
 * @param tokenId the credential's public id, which the audit log records
 */
public record ReportTokenHolder(String cluster, String group, String tokenId) {

}
