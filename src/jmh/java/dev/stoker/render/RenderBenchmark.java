package dev.stoker.render;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.concurrent.TimeUnit;

import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

import dev.stoker.definition.ClusterDefinition;
import dev.stoker.definition.ValidCluster;
import dev.stoker.definition.ValidGroup;
import dev.stoker.ignition.ButaneTranspiler;
import dev.stoker.ignition.IgnitionJson;
import dev.stoker.json.Mappers;
import dev.stoker.secrets.KubeadmSecrets;
import dev.stoker.secrets.SeededSecrets;

/**
 * What the first fetch after a change (a cache miss) costs besides the database: parsing
 * the stored definition, and rendering a worker's Ignition from it (Butane model,
 * transpiled, written as JSON). Sampled, so the output has the median and the tail. Run
 * with {@code ./mvnw -Pbench verify} (see docs/performance.md); the default build
 * neither compiles nor runs it.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.SampleTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Fork(1)
@Warmup(iterations = 3, time = 3)
@Measurement(iterations = 5, time = 3)
public class RenderBenchmark {

	private ValidCluster cluster;

	private ValidGroup workers;

	private KubeadmSecrets secrets;

	private String stored;

	@Setup
	public void example() throws Exception {
		cluster = RenderExamples.example("aws-dual-stack.yaml");
		workers = RenderExamples.group(cluster, "workers");
		secrets = SeededSecrets.of(cluster.name(),
				Clock.fixed(Instant.parse("2026-11-28T12:00:00Z"), ZoneOffset.UTC));
		stored = Mappers.json().writeValueAsString(cluster.definition());
	}

	@Benchmark
	public String workerIgnition() {
		return IgnitionJson.write(ButaneTranspiler.transpile(NodeButane.forGroup(cluster, workers, secrets, null)));
	}

	@Benchmark
	public ValidCluster storedDefinition() {
		return ValidCluster.of(Mappers.json().readValue(stored, ClusterDefinition.class));
	}

}
