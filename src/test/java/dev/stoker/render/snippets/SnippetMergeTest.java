package dev.stoker.render.snippets;

import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;

import dev.stoker.butane.ButaneConfig;
import dev.stoker.butane.ButaneYaml;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Every merge rule on a small config of Stoker's: the merged Butane, byte for byte, and
 * no refusal.
 */
class SnippetMergeTest {

	static final String STOKER = """
			variant: flatcar
			version: "1.0.0"
			storage:
			  files:
			  - path: /etc/kubeadm.yml
			    contents:
			      inline: kubeadm
			systemd:
			  units:
			  - name: kubeadm.service
			    enabled: true
			    contents: |
			      [Unit]
			  - name: systemd-sysupdate.service
			    dropins:
			    - name: kubernetes.conf
			      contents: |
			        [Service]
			passwd:
			  users:
			  - name: core
			    ssh_authorized_keys:
			    - ssh-ed25519 A
			""";

	static StokerEntries owned(ButaneConfig stoker) {
		return new StokerEntries().files("the node's kubeadm config", stoker.storage().files())
			.units("kubeadm.service", stoker.systemd().units())
			.directory("/etc/kubernetes/", "kubeadm's own directory")
			.loginUser("core");
	}

	/** Levels of snippets, cluster first; each snippet's pointer names its level. */
	static SnippetMerge.Merged merge(List<List<String>> levels) {
		ButaneConfig stoker = ButaneYaml.read(STOKER);
		String[] names = { "/snippets/", "/nodeGroups/0/snippets/", "/nodes/0/snippets/" };
		List<List<PlacedSnippet>> placed = new ArrayList<>();
		for (int level = 0; level < levels.size(); level++) {
			List<PlacedSnippet> snippets = new ArrayList<>();
			for (int i = 0; i < levels.get(level).size(); i++) {
				snippets.add(new PlacedSnippet(names[level] + i, ButaneYaml.read(levels.get(level).get(i))));
			}
			placed.add(snippets);
		}
		return SnippetMerge.merge(stoker, owned(stoker), placed);
	}

	static String merged(List<List<String>> levels) {
		SnippetMerge.Merged merged = merge(levels);
		assertThat(merged.refusals()).isEmpty();
		return ButaneYaml.write(merged.config());
	}

	@Test
	void withoutSnippetsTheConfigIsStokersAlone() {
		ButaneConfig stoker = ButaneYaml.read(STOKER);
		SnippetMerge.Merged merged = SnippetMerge.merge(stoker, owned(stoker), List.of(List.of(), List.of()));
		assertThat(merged.config()).isSameAs(stoker);
		assertThat(merged.refusals()).isEmpty();
	}

	@Test
	void filesDirectoriesAndLinksShareOnePathKeyAndTheMoreSpecificLevelReplacesInPlace() {
		String cluster = """
				storage:
				  files:
				  - {path: /etc/a, contents: {inline: cluster}}
				  - {path: /etc/b, contents: {inline: cluster}}
				  links:
				  - {path: /etc/c, target: /etc/a}
				""";
		String group = """
				storage:
				  directories:
				  - {path: /etc/c/}
				  files:
				  - {path: /etc//a, contents: {inline: group}}
				""";
		String node = """
				storage:
				  files:
				  - {path: /etc/a, contents: {inline: node}}
				  - {path: /etc/d, contents: {inline: node}}
				""";
		assertThat(merged(List.of(List.of(cluster), List.of(group), List.of(node)))).contains("""
				storage:
				  files:
				  - path: /etc/kubeadm.yml
				    contents:
				      inline: kubeadm
				  - path: /etc/a
				    contents:
				      inline: node
				  - path: /etc/b
				    contents:
				      inline: cluster
				  - path: /etc/d
				    contents:
				      inline: node
				  directories:
				  - path: /etc/c/
				systemd:
				""");
	}

	@Test
	void unitsByNameAndDropinsByUnitAndNameFollowStokersOwn() {
		String cluster = """
				systemd:
				  units:
				  - name: containerd.service
				    dropins:
				    - {name: 10-config.conf, contents: "[Service]\\n"}
				  - name: systemd-sysupdate.service
				    dropins:
				    - {name: 50-proxy.conf, contents: "[Service]\\n"}
				  - {name: app.service, enabled: true, contents: "[Unit]\\nDescription=cluster\\n"}
				""";
		String group = """
				systemd:
				  units:
				  - {name: app.service, enabled: false, contents: "[Unit]\\nDescription=group\\n"}
				  - name: containerd.service
				    dropins:
				    - {name: 10-config.conf, contents: "[Service]\\nX=group\\n"}
				    - {name: 20-more.conf, contents: "[Service]\\n"}
				""";
		assertThat(merged(List.of(List.of(cluster), List.of(group)))).endsWith("""
				systemd:
				  units:
				  - name: kubeadm.service
				    enabled: true
				    contents: |
				      [Unit]
				  - name: systemd-sysupdate.service
				    dropins:
				    - name: kubernetes.conf
				      contents: |
				        [Service]
				    - name: "50-proxy.conf"
				      contents: |
				        [Service]
				  - name: containerd.service
				    dropins:
				    - name: "10-config.conf"
				      contents: |
				        [Service]
				        X=group
				    - name: "20-more.conf"
				      contents: |
				        [Service]
				  - name: app.service
				    enabled: false
				    contents: |
				      [Unit]
				      Description=group
				passwd:
				  users:
				  - name: core
				    ssh_authorized_keys:
				    - ssh-ed25519 A
				""");
	}

	@Test
	void keysForStokersLoginUserAreAppendedFromEveryLevelAndOtherUsersAndGroupsGoByName() {
		String cluster = """
				passwd:
				  users:
				  - {name: core, ssh_authorized_keys: [ssh-ed25519 B, ssh-ed25519 A]}
				  - {name: backup, uid: 1500, shell: /bin/bash}
				  groups:
				  - {name: ops, gid: 1600}
				""";
		String group = """
				passwd:
				  users:
				  - {name: backup, uid: 1501}
				  - {name: core, ssh_authorized_keys: [ssh-ed25519 C]}
				  groups:
				  - {name: ops, gid: 1601}
				  - {name: audit}
				""";
		assertThat(merged(List.of(List.of(cluster), List.of(group)))).endsWith("""
				passwd:
				  users:
				  - name: core
				    ssh_authorized_keys:
				    - ssh-ed25519 A
				    - ssh-ed25519 B
				    - ssh-ed25519 C
				  - name: backup
				    uid: 1501
				  groups:
				  - name: ops
				    gid: 1601
				  - name: audit
				""");
	}

	@Test
	void disksFilesystemsRaidAndLuksGoByDeviceOrName() {
		String cluster = """
				storage:
				  disks:
				  - {device: /dev/sdb, wipe_table: false}
				  raid:
				  - {name: data, level: raid1, devices: [/dev/sdc, /dev/sdd]}
				  filesystems:
				  - {device: /dev/md/data, format: ext4, path: /var/lib/data}
				  luks:
				  - {name: secret, device: /dev/sde}
				""";
		String node = """
				storage:
				  disks:
				  - {device: /dev/sdb, wipe_table: true}
				  raid:
				  - {name: data, level: raid0, devices: [/dev/sdc, /dev/sdd]}
				  filesystems:
				  - {device: /dev/md/data, format: xfs, path: /var/lib/data, with_mount_unit: true}
				  luks:
				  - {name: secret, device: /dev/sdf}
				""";
		assertThat(merged(List.of(List.of(cluster), List.of(), List.of(node)))).startsWith("""
				variant: flatcar
				version: "1.0.0"
				storage:
				  disks:
				  - device: /dev/sdb
				    wipe_table: true
				  raid:
				  - name: data
				    level: raid0
				    devices:
				    - /dev/sdc
				    - /dev/sdd
				  filesystems:
				  - device: /dev/md/data
				    format: xfs
				    path: /var/lib/data
				    with_mount_unit: true
				  files:
				  - path: /etc/kubeadm.yml
				    contents:
				      inline: kubeadm
				  luks:
				  - name: secret
				    device: /dev/sdf
				""");
	}

	@Test
	void kernelArgumentsAreSetsAndTheMoreSpecificLevelDecidesAnArgument() {
		String cluster = """
				kernel_arguments:
				  should_exist: [mitigations=auto, quiet]
				  should_not_exist: [nosmt]
				""";
		String group = """
				kernel_arguments:
				  should_exist: [nosmt, quiet]
				  should_not_exist: [mitigations=auto]
				""";
		assertThat(merged(List.of(List.of(cluster), List.of(group)))).endsWith("""
				kernel_arguments:
				  should_exist:
				  - quiet
				  - nosmt
				  should_not_exist:
				  - mitigations=auto
				""");
	}

	@Test
	void theIgnitionSectionAppendsItsListsAndTakesTheMoreSpecificScalar() {
		String cluster = """
				ignition:
				  config:
				    merge: [{source: "https://config.example.com/a.ign"}]
				  timeouts: {http_response_headers: 10, http_total: 60}
				  security:
				    tls:
				      certificate_authorities: [{source: "https://config.example.com/ca.pem"}]
				  proxy:
				    http_proxy: http://proxy.example.com:3128
				    no_proxy: [example.com]
				""";
		String group = """
				ignition:
				  config:
				    merge: [{source: "https://config.example.com/b.ign"}]
				  timeouts: {http_total: 120}
				  proxy:
				    http_proxy: http://proxy2.example.com:3128
				    no_proxy: [example.com, internal]
				""";
		assertThat(merged(List.of(List.of(cluster), List.of(group)))).startsWith("""
				variant: flatcar
				version: "1.0.0"
				ignition:
				  config:
				    merge:
				    - source: https://config.example.com/a.ign
				    - source: https://config.example.com/b.ign
				  timeouts:
				    http_response_headers: 10
				    http_total: 120
				  security:
				    tls:
				      certificate_authorities:
				      - source: https://config.example.com/ca.pem
				  proxy:
				    http_proxy: http://proxy2.example.com:3128
				    no_proxy:
				    - example.com
				    - internal
				storage:
				""");
	}

}
