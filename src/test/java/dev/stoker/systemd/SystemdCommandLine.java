package dev.stoker.systemd;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * How systemd turns an Exec*= value into argv (systemd.service(5), "Command lines"): %%
 * becomes %, $$ becomes $ (an unescaped $VAR would be substituted: this model refuses
 * it), words split on blanks, and double- or single-quoted words keep blanks and take
 * C-style backslash escapes. Tests use it to read back what the writer wrote.
 * <p>
 * Given an environment, a word that is exactly {@code $NAME} becomes the variable's value
 * split at whitespace, as systemd does; any other unescaped $ is still refused.
 */
public final class SystemdCommandLine {

	private static final Pattern VARIABLE_WORD = Pattern.compile("\\$([A-Za-z_][A-Za-z0-9_]*)(?=[ \t]|$)");

	private SystemdCommandLine() {
	}

	public static List<String> parse(String line) {
		return parse(line, Map.of());
	}

	public static List<String> parse(String line, Map<String, String> environment) {
		String text = line.startsWith("-") ? line.substring(1) : line;
		List<String> argv = new ArrayList<>();
		StringBuilder word = null;
		char quote = 0;
		for (int i = 0; i < text.length(); i++) {
			char c = text.charAt(i);
			Matcher variable = VARIABLE_WORD.matcher(text).region(i, text.length());
			if (c == '$' && quote == 0 && word == null && variable.lookingAt()
					&& environment.containsKey(variable.group(1))) {
				for (String part : environment.get(variable.group(1)).split("[ \t\n]+")) {
					if (!part.isEmpty()) {
						argv.add(part);
					}
				}
				i = variable.end() - 1;
			}
			else if (c == '%' || c == '$') {
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
