package dev.stoker.cni;

import java.util.List;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import dev.stoker.Golden;
import dev.stoker.json.Mappers;

/**
 * The Cilium values of each kind of cluster, compared byte for byte with reviewed files:
 * single-stack IPv4 with kube-proxy, dual-stack without it (the example), IPv6-first,
 * dual-stack with kube-proxy, and IPv6 only, whose tunnels need an IPv6 underlay.
 */
class CiliumValuesGoldenTest {

	static List<CiliumClusters.Case> clusters() throws Exception {
		return CiliumClusters.all();
	}

	@ParameterizedTest(name = "{0}")
	@MethodSource("clusters")
	void valuesMatchTheReviewedOnes(CiliumClusters.Case c) throws Exception {
		Golden.assertMatches(Mappers.yaml().writeValueAsString(CiliumValues.of(c.cluster())),
				"cni/" + c.golden() + ".yaml");
	}

}
