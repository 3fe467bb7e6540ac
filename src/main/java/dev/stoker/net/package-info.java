/**
 * IP addresses and CIDR ranges, parsed strictly and without ever asking DNS (a host name
 * given where an address belongs is an error, not a lookup).
 */
package dev.stoker.net;
