package dev.stoker.render;

import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;

import com.fasterxml.jackson.annotation.JsonInclude;

import dev.stoker.butane.ButaneConfig;
import dev.stoker.butane.ButaneConfig.File;
import dev.stoker.butane.ButaneConfig.Storage;
import dev.stoker.flatcar.NodePaths;
import dev.stoker.ignition.ButaneTranspiler;
import dev.stoker.ignition.IgnitionJson;
import dev.stoker.json.Mappers;

/**
 * What Stoker served a machine, written to {@link NodePaths#SERVED} so that it can be
 * read on the machine: the cluster, the group or static node, the revision, Stoker's URL
 * and a hash of the Ignition. No secret.
 *
 * <p>
 * The file is inside the Ignition, so it cannot hold the hash of the Ignition that holds
 * it. It holds the sha256 of the same document without the file instead (the field says
 * so): the file is the last of {@code storage.files}, and nothing else in a document
 * depends on it, so deleting that one entry from the served Ignition and writing it back
 * compactly (Stoker's JSON is compact, fields in a fixed order) gives exactly the bytes
 * hashed.
 *
 * @param node the static node, or null for a group's document
 */
public record Provenance(String cluster, String group, String node, long revision, URI stoker) {

	/** The file's contents, in this order. */
	@JsonInclude(JsonInclude.Include.NON_NULL)
	record Served(String cluster, String group, String node, long revision, String ignitionSha256WithoutThisFile,
			String stokerUrl) {

	}

	/** The document with the provenance file appended, last. */
	public ButaneConfig addTo(ButaneConfig butane) {
		String hash = sha256(IgnitionJson.write(ButaneTranspiler.transpile(butane)));
		Served served = new Served(cluster, group, node, revision, hash, stoker.toASCIIString());
		Storage storage = butane.storage();
		List<File> files = new ArrayList<>(storage.files());
		files.add(NodeFiles.file(NodePaths.SERVED, Mappers.json().writeValueAsString(served) + "\n", NodeFiles.PUBLIC));
		return new ButaneConfig(butane.variant(), butane.version(), butane.ignition(),
				new Storage(storage.disks(), storage.raid(), storage.filesystems(), List.copyOf(files),
						storage.directories(), storage.links(), storage.luks()),
				butane.systemd(), butane.passwd(), butane.kernelArguments());
	}

	static String sha256(String text) {
		try {
			return HexFormat.of()
				.formatHex(MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8)));
		}
		catch (NoSuchAlgorithmException ex) {
			throw new IllegalStateException(ex);
		}
	}

}
