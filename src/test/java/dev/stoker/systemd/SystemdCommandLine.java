package dev.stoker.systemd;

import java.util.ArrayList;
import java.util.List;

/**
 * How systemd turns an Exec*= value into argv (systemd.service(5), "Command lines"): %%
 * becomes %, $$ becomes $ (an unescaped $VAR would be substituted: this model refuses
 * it), words split on blanks, and double- or single-quoted words keep blanks and take
 * C-style backslash escapes. Tests use it to read back what the writer wrote.
 */
public final class SystemdCommandLine {

	private SystemdCommandLine() {
	}

	public static List<String> parse(String line) {
		String text = line.startsWith("-") ? line.substring(1) : line;
		List<String> argv = new ArrayList<>();
		StringBuilder word = null;
		char quote = 0;
		for (int i = 0; i < text.length(); i++) {
			char c = text.charAt(i);
			if (c == '%' || c == '$') {
				if (i + 1 >= text.length() || text.charAt(i + 1) != c) {
					throw new IllegalArgumentException("systemd would expand " + c + " at " + i + " in " + line);
				}
				word = word == null ? new StringBuilder() : word;
				word.append(c);
				i++;
			}
			else if (quote != 0) {
				if (c == quote) {
					quote = 0;
				}
				else if (c == '\\') {
					char next = text.charAt(++i);
					word.append(switch (next) {
						case 'n' -> '\n';
						case 't' -> '\t';
						default -> next;
					});
				}
				else {
					word.append(c);
				}
			}
			else if (c == ' ' || c == '\t') {
				if (word != null) {
					argv.add(word.toString());
					word = null;
				}
			}
			else if ((c == '"' || c == '\'') && word == null) {
				quote = c;
				word = new StringBuilder();
			}
			else if (c == '\\') {
				throw new IllegalArgumentException("a backslash outside quotes at " + i + " in " + line);
			}
			else {
				word = word == null ? new StringBuilder() : word;
				word.append(c);
			}
		}
		if (quote != 0) {
			throw new IllegalArgumentException("an unterminated quote in " + line);
		}
		if (word != null) {
			argv.add(word.toString());
		}
		return argv;
	}

}
