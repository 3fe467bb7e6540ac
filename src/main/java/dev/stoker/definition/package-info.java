/**
 * The cluster definition: what an operator writes and GET answers, with its defaults.
 */
package dev.stoker.definition;
