package dev.stoker.serving;

import java.net.URI;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import dev.stoker.cluster.ClusterVersion;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Every input a document's bytes depend on is part of its cache key: a key that left one
 * out would serve one machine's or one revision's document for another.
 */
class DocumentKeyTest {

	private static final DocumentKey BASE = new DocumentKey(new ClusterVersion(7, 3),
			new DocumentTarget.Group("workers"), DocumentFormat.IGNITION, URI.create("https://stoker.example.com"), "");

	static Stream<Arguments> oneInputChanged() {
		return Stream.of(
				Arguments.of("a later revision (a PUT, a rotation of the join secrets or keeper credential)",
						new DocumentKey(new ClusterVersion(7, 4), BASE.target(), BASE.format(), BASE.base(), "")),
				Arguments.of("the cluster deleted and created again under its name",
						new DocumentKey(new ClusterVersion(8, 3), BASE.target(), BASE.format(), BASE.base(), "")),
				Arguments.of("another group",
						new DocumentKey(BASE.version(), new DocumentTarget.Group("gpu"), BASE.format(), BASE.base(),
								"")),
				Arguments.of("a static node named like the group",
						new DocumentKey(BASE.version(), new DocumentTarget.Node("workers"), BASE.format(), BASE.base(),
								"")),
				Arguments.of("Butane",
						new DocumentKey(BASE.version(), BASE.target(), DocumentFormat.BUTANE, BASE.base(), "")),
				Arguments.of("the kubeadm config",
						new DocumentKey(BASE.version(), BASE.target(), DocumentFormat.KUBEADM, BASE.base(), "")),
				Arguments.of("another public URL (the keeper's)",
						new DocumentKey(BASE.version(), BASE.target(), BASE.format(),
								URI.create("https://stoker.example.org"), "")),
				Arguments.of("another port of the request's URL",
						new DocumentKey(BASE.version(), BASE.target(), BASE.format(),
								URI.create("https://stoker.example.com:8443"), "")),
				Arguments.of("a CA bundle", new DocumentKey(BASE.version(), BASE.target(), BASE.format(), BASE.base(),
						"9f86d081884c7d659a2feaa0c55ad015a3bf4f1b2b0b822cd15d6c15b0f00a08")));
	}

	@ParameterizedTest(name = "{0}")
	@MethodSource("oneInputChanged")
	void everyInputOfTheBytesChangesTheKey(String change, DocumentKey changed) {
		assertThat(changed).as(change).isNotEqualTo(BASE);
	}

	@Test
	void theSameInputsMakeTheSameKey() {
		DocumentKey same = new DocumentKey(new ClusterVersion(7, 3), new DocumentTarget.Group("workers"),
				DocumentFormat.IGNITION, URI.create("https://stoker.example.com"), "");
		assertThat(same).isEqualTo(BASE).hasSameHashCodeAs(BASE);
	}

	@Test
	void theKeyHasAComponentForEachInputNamedAbove() {
		// a new input of the render must be added to the key and to the table above
		assertThat(DocumentKey.class.getRecordComponents()).extracting("name")
			.containsExactly("version", "target", "format", "base", "caBundle");
	}

}
