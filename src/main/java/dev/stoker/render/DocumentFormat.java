package dev.stoker.render;

import java.util.Arrays;
import java.util.Optional;

/**
 * The kinds of document Stoker serves, named as the last segment of their path. A closed
 * set, so that it can tag a meter.
 */
enum DocumentFormat {

	BUTANE("butane"), IGNITION("ignition"), KUBEADM("kubeadm");

	private final String pathSegment;

	DocumentFormat(String pathSegment) {
		this.pathSegment = pathSegment;
	}

	String pathSegment() {
		return pathSegment;
	}

	static Optional<DocumentFormat> ofPathSegment(String segment) {
		return Arrays.stream(values()).filter(f -> f.pathSegment.equals(segment)).findFirst();
	}

}
