package dev.stoker.access;

import dev.stoker.secrets.FetchTokenHolder;
import dev.stoker.secrets.KeeperTokenHolder;
import dev.stoker.secrets.ReportTokenHolder;

/** What a request authenticated with. */
public sealed interface Credential {

	/** The request attribute the access filter leaves it in. */
	String ATTRIBUTE = "dev.stoker.access.Credential";

	/** Whether it opens the documents of this node group (or of its static nodes). */
	boolean opens(String cluster, String group);

	/** The admin token: everything. */
	record Admin() implements Credential {

		@Override
		public boolean opens(String cluster, String group) {
			return true;
		}

	}

	/** A node group's fetch token: that group's documents only. */
	record Fetch(FetchTokenHolder holder) implements Credential {

		@Override
		public boolean opens(String cluster, String group) {
			return holder.cluster().equals(cluster) && holder.group().equals(group);
		}

	}

	/** A cluster's keeper credential: that cluster's join-token list, and no document. */
	record Keeper(KeeperTokenHolder holder) implements Credential {

		@Override
		public boolean opens(String cluster, String group) {
			return false;
		}

	}

	/** A node group's report credential: its machines' reports, and no document. */
	record Report(ReportTokenHolder holder) implements Credential {

		@Override
		public boolean opens(String cluster, String group) {
			return false;
		}

	}

}
