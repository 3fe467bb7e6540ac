/**
 * Join progress as the machines report it: what a node group's report credential opens,
 * the reports (untrusted input: validated, bounded, rate-limited per credential), one row
 * per machine with its last report, the admin's listing with the stuck flag, and the
 * gauges of machines per phase.
 */
package dev.stoker.machines;
