package dev.stoker.render;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

import dev.stoker.definition.Install;
import dev.stoker.definition.NodeRole;
import dev.stoker.definition.SshLogin;
import dev.stoker.definition.ValidCluster;
import dev.stoker.flatcar.HostVariable;
import dev.stoker.kubeadm.NodeAddresses;
import dev.stoker.net.IpFamily;
import dev.stoker.platform.Platform;
import dev.stoker.systemd.UnitFile;
import dev.stoker.systemd.UnitWriter;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Whatever ssh user validation lets through and whatever variables the platform table
 * holds, the unit reaches systemd as built, and envsubst substitutes exactly the node's
 * address variables.
 */
class KubeadmUnitPropertyTest {

	private static final Pattern SHELL_FORMAT = Pattern.compile("envsubst '([^']*)' < ");

	private static final ValidCluster AWS = example();

	@Property(tries = 500)
	void everyExecLineParsesBackAndEnvsubstListsExactlyTheAddressVariables(@ForAll("users") String user,
			@ForAll("variables") List<HostVariable> hostVariables, @ForAll NodeRole role, @ForAll Install install) {
		ValidCluster cluster = with(AWS, install, user);
		List<String> variables = hostVariables.stream().map(HostVariable::name).toList();
		AddressSource source = new AddressSource(
				new NodeAddresses(String.join(",", variables.stream().map(v -> "$" + v).toList()), null),
				hostVariables);
		UnitFile model = KubeadmUnit.of(cluster, role, source, false);
		UnitLines unit = new UnitLines(UnitWriter.write(model));

		List<List<String>> written = unit.execLines().stream().map(UnitLines::argv).toList();
		List<List<String>> built = model.sections()
			.stream()
			.flatMap(s -> s.directives().stream())
			.filter(UnitFile.Exec.class::isInstance)
			.map(d -> ((UnitFile.Exec) d).command().argv())
			.toList();
		assertThat(written).isEqualTo(built);
		long directives = model.sections().stream().mapToLong(s -> 1 + s.directives().size()).sum();
		assertThat(unit.lines().stream().filter(l -> !l.isEmpty())).hasSize((int) directives);

		String envsubst = unit.execLines().stream().filter(l -> l.contains("envsubst")).findFirst().orElseThrow();
		Matcher format = SHELL_FORMAT.matcher(UnitLines.argv(envsubst).get(2));
		assertThat(format.find()).isTrue();
		assertThat(format.group(1).split(" "))
			.containsExactlyElementsOf(variables.stream().map(v -> "${" + v + "}").toList());
		String check = UnitLines.argv(unit.execLine(" is empty or missing ")).get(2);
		for (String variable : variables) {
			assertThat(check).contains("[ -n \"${" + variable + ":-}\" ] || { echo '<3>" + variable + " is empty");
		}
		if (role != NodeRole.WORKER) {
			assertThat(UnitLines.argv(unit.execLine("admin.conf")).get(2)).contains("getent passwd '" + user + "' ")
				.contains(" -o '" + user + "' ");
		}
	}

	@Provide
	Arbitrary<String> users() {
		Arbitrary<Character> first = Arbitraries.chars().range('a', 'z').with('_');
		Arbitrary<String> rest = Arbitraries.strings()
			.withCharRange('a', 'z')
			.withCharRange('0', '9')
			.withChars('_', '-')
			.ofMaxLength(31);
		return Combinators.combine(first, rest).as((f, r) -> f + r);
	}

	/**
	 * The address variables of a platform in the table, or found on the interfaces, for a
	 * single-stack cluster of either family or a dual-stack one in either order.
	 */
	@Provide
	Arbitrary<List<HostVariable>> variables() {
		List<List<HostVariable>> choices = new ArrayList<>();
		List<HostVariable> interfaces4 = List.of(HostVariable.fromInterfaces(IpFamily.IPV4));
		List<HostVariable> interfaces6 = List.of(HostVariable.fromInterfaces(IpFamily.IPV6));
		for (Platform platform : Platform.values()) {
			List<HostVariable> v4 = platform.listedAddress(IpFamily.IPV4)
				.map(v -> HostVariable.afterburn(v.name()))
				.stream()
				.toList();
			List<HostVariable> v6 = platform.listedAddress(IpFamily.IPV6)
				.map(v -> HostVariable.afterburn(v.name()))
				.stream()
				.toList();
			for (List<HostVariable> choice : List.of(v4, v6, concat(v4, v6), concat(v6, v4), concat(v4, interfaces6),
					concat(interfaces6, v4), interfaces4, interfaces6, concat(interfaces4, interfaces6))) {
				if (!choice.isEmpty()) {
					choices.add(choice);
				}
			}
		}
		return Arbitraries.of(choices);
	}

	private static List<HostVariable> concat(List<HostVariable> a, List<HostVariable> b) {
		List<HostVariable> both = new ArrayList<>(a);
		both.addAll(b);
		return both;
	}

	private static ValidCluster with(ValidCluster d, Install install, String user) {
		return new ValidCluster(d.name(), d.kubernetesVersion(), d.kubeadmApiVersion(), d.platform(), install,
				d.architecture(), d.butaneVersion(), d.controlPlaneEndpoint(), d.apiServer(), d.controllerManagerArgs(),
				d.networking(), d.cloudProvider(), d.volumePluginDir(), new SshLogin(user, d.ssh().authorizedKeys()),
				d.groups(), d.nodes(), d.patchUpdates());
	}

	private static ValidCluster example() {
		try {
			return RenderExamples.example("aws-dual-stack.yaml");
		}
		catch (Exception ex) {
			throw new IllegalStateException(ex);
		}
	}

}
