/**
 * The HTTP edge shared by every feature: JSON and YAML bodies, RFC 9457 problem details
 * for every error, the request size limit, and the API description.
 */
package dev.stoker.web;
