package dev.stoker.definition;

import java.nio.file.Files;
import java.nio.file.Path;

import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import dev.stoker.definition.validation.ClusterValidator;
import dev.stoker.json.Mappers;

import static org.assertj.core.api.Assertions.assertThat;

/** Snippets are stored, and answered, as the operator wrote them. */
class SnippetDefinitionTest {

	@Test
	void theStoredDefinitionHoldsEachLevelsSnippetsAsWritten() throws Exception {
		JsonNode written = Mappers.yaml().readTree(Files.readString(Path.of("examples", "metal-snippets.yaml")));
		ValidCluster cluster = new ClusterValidator().validate(written);
		JsonNode stored = Mappers.json().valueToTree(cluster.definition());

		assertThat(stored.get("snippets")).isEqualTo(written.get("snippets"));
		assertThat(stored.at("/nodeGroups/2/snippets")).isEqualTo(written.at("/nodeGroups/2/snippets"));
		assertThat(stored.at("/nodes/4/snippets")).isEqualTo(written.at("/nodes/4/snippets"));
		assertThat(stored.at("/nodes/0").has("snippets")).isFalse();
		assertThat(ValidCluster.of(cluster.definition())).isEqualTo(cluster);
	}

	@Test
	void aDefinitionWithoutSnippetsHasNoSnippetsKey() {
		JsonNode stored = Mappers.json()
			.valueToTree(new ClusterValidator().validate(Mappers.json().readTree(ClusterDefinitionExample.JSON))
				.definition());
		assertThat(stored.has("snippets")).isFalse();
		assertThat(stored.at("/nodeGroups/0").has("snippets")).isFalse();
	}

}
