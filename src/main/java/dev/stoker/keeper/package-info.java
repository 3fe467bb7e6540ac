/**
 * The join-token keepers' side of Stoker: the list of bootstrap tokens a cluster should
 * accept (the current one and those a rotation replaced, for their grace period), what a
 * keeper credential opens, the keepers' check-ins, and the age of the last one as a
 * metric.
 */
package dev.stoker.keeper;
