/**
 * The problem catalog: every RFC 9457 problem type Stoker answers, the exception that
 * carries one, and the writer filters answer with. A building block every feature uses.
 */
package dev.stoker.problem;
