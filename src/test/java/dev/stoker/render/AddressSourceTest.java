package dev.stoker.render;

import java.nio.file.Files;
import java.nio.file.Path;

import org.junit.jupiter.api.Test;

import dev.stoker.definition.NodeRole;
import dev.stoker.definition.ValidCluster;
import dev.stoker.definition.ValidGroup;
import dev.stoker.flatcar.HostVariable;
import dev.stoker.definition.validation.ClusterValidator;
import dev.stoker.json.Mappers;

import static org.assertj.core.api.Assertions.assertThat;

class AddressSourceTest {

	private static ValidCluster example(String file) throws Exception {
		return new ClusterValidator().validate(Mappers.yaml().readTree(Files.readString(Path.of("examples", file))));
	}

	private static ValidGroup group(ValidCluster cluster, String name) {
		return cluster.groups().stream().filter(g -> g.name().equals(name)).findFirst().orElseThrow();
	}

	@Test
	void onAwsNodeIpIsTheEc2VariablesInTheFamilyOrderOfTheSubnets() throws Exception {
		ValidCluster aws = example("aws-dual-stack.yaml");
		AddressSource source = AddressSource.forGroup(aws, group(aws, "workers"));
		assertThat(source.addresses().nodeIp()).isEqualTo("$COREOS_EC2_IPV4_LOCAL,$COREOS_EC2_IPV6");
		assertThat(source.variables()).extracting(HostVariable::name)
			.containsExactly("COREOS_EC2_IPV4_LOCAL", "COREOS_EC2_IPV6");
		assertThat(source.addresses().advertiseAddress()).as("IPv4-first: kubeadm's default").isNull();
	}

	@Test
	void anIpv6FirstClusterPutsIpv6FirstAndControlPlanesAdvertiseIt() throws Exception {
		String ipv6First = Files.readString(Path.of("examples", "aws-dual-stack.yaml"))
			.replace("podSubnets: [10.244.0.0/16, \"fd00:10:244::/56\"]",
					"podSubnets: [\"fd00:10:244::/56\", 10.244.0.0/16]")
			.replace("serviceSubnets: [10.96.0.0/16, \"fd00:10:96::/112\"]",
					"serviceSubnets: [\"fd00:10:96::/112\", 10.96.0.0/16]");
		ValidCluster aws = new ClusterValidator().validate(Mappers.yaml().readTree(ipv6First));
		AddressSource controlPlane = AddressSource.forGroup(aws, group(aws, "control-plane"));
		assertThat(controlPlane.addresses().nodeIp()).isEqualTo("$COREOS_EC2_IPV6,$COREOS_EC2_IPV4_LOCAL");
		assertThat(controlPlane.addresses().advertiseAddress()).isEqualTo("$COREOS_EC2_IPV6");
		assertThat(AddressSource.forGroup(aws, group(aws, "workers")).addresses().advertiseAddress()).isNull();
	}

	@Test
	void aSingleStackClusterNeedsOneVariable() throws Exception {
		ValidCluster azure = example("azure-ipv4.yaml");
		AddressSource source = AddressSource.forGroup(azure, group(azure, "bootstrap"));
		assertThat(source.addresses().nodeIp()).isEqualTo("$COREOS_AZURE_IPV4_DYNAMIC");
		assertThat(source.variables()).extracting(HostVariable::name).containsExactly("COREOS_AZURE_IPV4_DYNAMIC");
	}

	@Test
	void aStaticNodeHasItsLiteralAddressesAndLeavesNothingToTheHost() throws Exception {
		ValidCluster lab = example("metal-ipv6-first.yaml");
		AddressSource cp1 = AddressSource.forNode(lab, lab.nodes().get(0), NodeRole.BOOTSTRAP);
		assertThat(cp1.addresses().nodeIp()).isEqualTo("fd00:1:2:3::2,10.100.0.2");
		assertThat(cp1.addresses().advertiseAddress()).isEqualTo("fd00:1:2:3::2");
		assertThat(cp1.variables()).isEmpty();
		AddressSource worker = AddressSource.forNode(lab, lab.nodes().get(3), NodeRole.WORKER);
		assertThat(worker.addresses().advertiseAddress()).isNull();
	}

}
