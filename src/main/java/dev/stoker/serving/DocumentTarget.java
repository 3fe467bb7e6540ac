package dev.stoker.serving;

/** What a document is asked of: a node group, or one static node. */
public sealed interface DocumentTarget {

	String name();

	/** The path segment that holds such targets. */
	String collection();

	record Group(String name) implements DocumentTarget {

		@Override
		public String collection() {
			return DocumentRoutes.GROUPS;
		}

	}

	record Node(String name) implements DocumentTarget {

		@Override
		public String collection() {
			return DocumentRoutes.NODES;
		}

	}

}
