/**
 * systemd unit files as typed values, written by one writer that escapes what systemd
 * would otherwise expand: no value can add a line, a directive or a substitution.
 */
package dev.stoker.systemd;
