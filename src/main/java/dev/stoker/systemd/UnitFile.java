package dev.stoker.systemd;

import java.util.ArrayList;
import java.util.List;

/**
 * A unit file (or drop-in): sections in order, each with its directives in order.
 */
public record UnitFile(List<Section> sections) {

	public UnitFile {
		sections = List.copyOf(sections);
	}

	/** A [Section] and its directives. */
	public record Section(String name, List<Directive> directives) {

		public Section {
			directives = List.copyOf(directives);
		}

	}

	/**
	 * One directive. A command line (Exec*=) is a {@link Command}; anything else is text.
	 */
	public sealed interface Directive permits Setting, Exec {

		String key();

	}

	/** {@code Key=value}; systemd expands % specifiers in the value, so % is escaped. */
	public record Setting(String key, String value) implements Directive {
	}

	/**
	 * {@code ExecStart=} and friends: systemd also expands $VAR in these, so $ is escaped
	 * too.
	 */
	public record Exec(String key, Command command) implements Directive {
	}

	public static Builder builder() {
		return new Builder();
	}

	/** Collects sections and directives in the order they are added. */
	public static final class Builder {

		private final List<String> names = new ArrayList<>();

		private final List<List<Directive>> directives = new ArrayList<>();

		private List<Directive> current;

		public Builder section(String name) {
			current = new ArrayList<>();
			names.add(name);
			directives.add(current);
			return this;
		}

		public Builder set(String key, String value) {
			current.add(new Setting(key, value));
			return this;
		}

		public Builder exec(String key, Command command) {
			current.add(new Exec(key, command));
			return this;
		}

		public UnitFile build() {
			List<Section> sections = new ArrayList<>();
			for (int i = 0; i < names.size(); i++) {
				sections.add(new Section(names.get(i), directives.get(i)));
			}
			return new UnitFile(sections);
		}

	}

}
