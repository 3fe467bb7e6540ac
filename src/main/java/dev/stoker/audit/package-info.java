/**
 * The audit log: a row for every disclosure of a secret (a node document, a fetch token,
 * rotated kubeadm secrets, a join-token list), written in the transaction that reads the
 * secret, so that a secret whose disclosure cannot be recorded is not disclosed; and the
 * check-ins of join-token keepers. Knows clusters by name and row id only.
 */
package dev.stoker.audit;
