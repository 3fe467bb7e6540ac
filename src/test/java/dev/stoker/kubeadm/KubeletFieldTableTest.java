package dev.stoker.kubeadm;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;

import org.junit.jupiter.api.Test;

import dev.stoker.definition.validation.ClusterValidator;
import dev.stoker.kubeadm.KubeadmSchema.ListOf;
import dev.stoker.kubeadm.KubeadmSchema.MapOf;
import dev.stoker.kubeadm.KubeadmSchema.Scalar;
import dev.stoker.kubeadm.KubeadmSchema.Type;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The field table validation reads (from the kubelet's Go types) against the strict
 * checker's KubeletConfiguration (from the kubelet configuration reference): two sources
 * that must agree on every top-level name and its JSON shape, so a field the definition
 * accepts is one kubeadm and the kubelet decode.
 */
class KubeletFieldTableTest {

	@Test
	void everyTopLevelFieldOfTheTableIsOneTheCheckerKnowsWithTheSameShape() throws IOException {
		Map<String, Type> checker = KubeadmSchema.kubeletFields().fields();
		Map<String, String> table = topLevelFields();
		assertThat(table).isNotEmpty();
		assertThat(checker.keySet()).containsAll(table.keySet());
		assertThat(table.keySet()).containsAll(checker.keySet());
		table.forEach((name, type) -> assertThat(compatible(type, checker.get(name))).as(name + " " + type).isTrue());
	}

	private static boolean compatible(String table, Type checker) {
		if (table.startsWith("enum:")) {
			return checker == Scalar.STRING;
		}
		return switch (table) {
			case "string", "quantity" -> checker == Scalar.STRING;
			case "bool" -> checker == Scalar.BOOL;
			case "int32", "uint32" -> checker == Scalar.INT32;
			case "int64" -> checker == Scalar.INT64;
			case "float" -> checker == Scalar.FLOAT;
			case "duration" -> checker == Scalar.DURATION;
			case "strings" -> checker instanceof ListOf list && list.element() == Scalar.STRING;
			case "int32s" -> checker instanceof ListOf list && list.element() == Scalar.INT32;
			case "stringMap", "quantityMap", "thresholdMap", "durationMap" ->
				checker instanceof MapOf map && map.value() == Scalar.STRING;
			case "boolMap" -> checker instanceof MapOf map && map.value() == Scalar.BOOL;
			case "stringsMap" -> checker instanceof MapOf map && map.value() instanceof ListOf;
			case "object" -> checker == Scalar.OBJECT || checker instanceof KubeadmSchema.Struct;
			case "list" -> checker instanceof ListOf;
			default -> false;
		};
	}

	private static Map<String, String> topLevelFields() throws IOException {
		Map<String, String> fields = new LinkedHashMap<>();
		try (InputStream in = ClusterValidator.class.getResourceAsStream("kubelet-config-v1beta1.fields")) {
			new String(in.readAllBytes(), StandardCharsets.UTF_8).lines()
				.filter(line -> !line.isBlank() && !line.startsWith("#"))
				.map(line -> line.strip().split("\\s+"))
				.filter(columns -> !columns[0].contains("."))
				.forEach(columns -> fields.put(columns[0], columns[1]));
		}
		return fields;
	}

}
