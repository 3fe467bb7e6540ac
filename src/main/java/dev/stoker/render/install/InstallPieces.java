package dev.stoker.render.install;

import java.util.List;

import dev.stoker.butane.ButaneConfig.Directory;
import dev.stoker.butane.ButaneConfig.File;
import dev.stoker.butane.ButaneConfig.Link;
import dev.stoker.butane.ButaneConfig.Storage;
import dev.stoker.butane.ButaneConfig.Systemd;
import dev.stoker.butane.ButaneConfig.Unit;

/**
 * What an install method adds to a node's Butane config: files, directories, links and
 * units (with their drop-ins), each list in the order it is written.
 */
public record InstallPieces(List<File> files, List<Directory> directories, List<Link> links, List<Unit> units) {

	public InstallPieces {
		files = List.copyOf(files);
		directories = List.copyOf(directories);
		links = List.copyOf(links);
		units = List.copyOf(units);
	}

	/** The storage section holding only these pieces; empty lists are left out. */
	public Storage storage() {
		return new Storage(nullIfEmpty(files), nullIfEmpty(directories), nullIfEmpty(links));
	}

	/** The systemd section holding only these units. */
	public Systemd systemd() {
		return new Systemd(nullIfEmpty(units));
	}

	private static <T> List<T> nullIfEmpty(List<T> list) {
		return list.isEmpty() ? null : list;
	}

}
