package dev.stoker.render;

import java.net.URI;

import dev.stoker.definition.ValidCluster;
import dev.stoker.definition.validation.FieldErrors;
import dev.stoker.definition.validation.RenderedCheck;
import dev.stoker.secrets.ShapeSecrets;

/**
 * Refuses, when a definition is written, every snippet entry that the documents of its
 * groups and static nodes could not take: one that is Stoker's, or that two snippets of
 * one level both define. The documents are rendered as a control plane with a keeper and
 * a machine that reports its progress get them, which hold the most of Stoker's entries;
 * the secrets' values change no entry.
 */
public final class SnippetCheck implements RenderedCheck {

	private static final KeeperAccess KEEPER = new KeeperAccess(URI.create("https://stoker.invalid/"), "-", "-");

	private static final ReportAccess REPORT = new ReportAccess(URI.create("https://stoker.invalid/"), "-", "-", 1);

	@Override
	public void check(ValidCluster cluster, FieldErrors problems) {
		boolean any = !cluster.snippets().isEmpty()
				|| cluster.groups().stream().anyMatch((group) -> !group.snippets().isEmpty())
				|| cluster.nodes().stream().anyMatch((node) -> !node.snippets().isEmpty());
		if (!any) {
			return;
		}
		NodeButane.snippetRefusals(cluster, ShapeSecrets.get(), KEEPER, REPORT)
			.forEach((refusal) -> problems.add(refusal.pointer(), refusal.message()));
	}

}
