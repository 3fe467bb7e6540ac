package dev.stoker.render;

import java.net.URI;

/**
 * How a machine reports its join progress to Stoker.
 *
 * @param reports where the cluster's machines report
 * @param credential the node group's report credential, which opens nothing else
 * @param caBundle the PEM certificates that sign Stoker's TLS certificate, or null when
 * the node's own trust store is enough
 * @param revision the revision of the document, which every report names
 */
public record ReportAccess(URI reports, String credential, String caBundle, long revision) {

	@Override
	public String toString() {
		return "ReportAccess[reports=" + reports + ", credential=<redacted>, revision=" + revision + "]";
	}

}
