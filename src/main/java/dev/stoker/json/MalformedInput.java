package dev.stoker.json;

import java.io.CharConversionException;
import java.util.Optional;

import org.snakeyaml.engine.v2.exceptions.Mark;
import org.snakeyaml.engine.v2.exceptions.MarkedYamlEngineException;
import org.snakeyaml.engine.v2.exceptions.ReaderException;

import tools.jackson.core.JacksonException;
import tools.jackson.core.TokenStreamLocation;
import tools.jackson.core.exc.StreamConstraintsException;
import tools.jackson.core.exc.UnexpectedEndOfInputException;
import tools.jackson.databind.exc.MismatchedInputException;

/**
 * What is wrong with a body that is not well-formed JSON or YAML, and where, told in
 * Stoker's own words. Jackson's and SnakeYAML's messages quote the text they stopped at,
 * which may be a secret pasted in the wrong place, so they are only read to tell the kind
 * of error, never passed on: a detail holds fixed words and line and column numbers.
 *
 * @param problem what is wrong, written to follow "The body is not well-formed JSON at
 * line 1, column 2:"
 * @param line 1-based, or 0 when unknown
 * @param column 1-based, or 0 when unknown
 * @param fix how to put it right, a sentence
 */
public record MalformedInput(String problem, int line, int column, String fix) {

	private static final String NOT_UTF8 = "its bytes are not valid UTF-8";

	private static final String UTF8 = "Send the body encoded in UTF-8 (and charset=utf-8, or none, in Content-Type).";

	/** A body in this syntax that the mapper could not read. */
	public static MalformedInput of(JacksonException error, boolean yaml) {
		Optional<MarkedYamlEngineException> marked = cause(error, MarkedYamlEngineException.class);
		if (marked.isPresent() && marked.get().getProblemMark().isPresent()) {
			// Jackson places a YAML error where its last token began; SnakeYAML's mark is
			// where the problem is (0-based)
			Mark mark = marked.get().getProblemMark().get();
			return yaml(marked.get(), mark.getLine() + 1, mark.getColumn() + 1);
		}
		TokenStreamLocation location = error.getLocation();
		int line = (location != null && location.getLineNr() > 0) ? location.getLineNr() : 0;
		int column = (location != null && location.getColumnNr() > 0) ? location.getColumnNr() : 0;
		if (cause(error, ReaderException.class).isPresent()) {
			// SnakeYAML's reader refuses a character before any position is known
			return new MalformedInput("it holds a control character YAML does not allow", 0, 0,
					"Remove control characters other than tab and line breaks.");
		}
		if (cause(error, CharConversionException.class).isPresent()) {
			// the YAML reader's UTF-8 decoder stops before Jackson knows where it is
			return new MalformedInput(NOT_UTF8, 0, 0, UTF8);
		}
		return common(error, message(error), yaml, line, column);
	}

	/** The whole detail: where, what and how to fix it. */
	public String detail(boolean yaml) {
		String where = (line <= 0) ? "" : " at line " + line + ((column > 0) ? ", column " + column : "");
		return "The body is not well-formed " + (yaml ? "YAML" : "JSON") + where + ": " + problem + ". " + fix;
	}

	/** Errors both parsers meet: Jackson raises them above either syntax. */
	private static MalformedInput common(JacksonException error, String message, boolean yaml, int line, int column) {
		if (error instanceof MismatchedInputException && message.startsWith("No content to map")) {
			return new MalformedInput("it holds no value, only blank lines" + (yaml ? " or comments" : ""), 0, 0,
					"Send a document, and its type in Content-Type.");
		}
		if (message.startsWith("Duplicate Object property")) {
			return new MalformedInput("a key is given twice in one " + (yaml ? "mapping" : "object"), line, column,
					"Give each key once: Stoker does not pick one of them.");
		}
		if (error instanceof MismatchedInputException && message.startsWith("Trailing token")) {
			return yaml
					? new MalformedInput("it holds more than one YAML document, the second starting there", line,
							column, "Send one document: no --- line between two of them.")
					: new MalformedInput("more follows the first JSON value", line, column,
							"Send one JSON value, an object.");
		}
		if (error instanceof StreamConstraintsException) {
			return new MalformedInput("it is nested deeper, or holds a longer value, than a parser accepts", line,
					column, "Send a cluster definition as documented.");
		}
		if (message.contains("Invalid UTF-8")) {
			return new MalformedInput(NOT_UTF8, line, column, UTF8);
		}
		return yaml ? unreadableYaml(line, column) : json(error, message, line, column);
	}

	private static MalformedInput json(JacksonException error, String message, int line, int column) {
		if (error instanceof UnexpectedEndOfInputException) {
			return new MalformedInput("it ends before the JSON does, inside a string, object or array", line, column,
					"Close every string with \", every object with } and every array with ].");
		}
		if (message.startsWith("Illegal unquoted character")) {
			return new MalformedInput("a string holds a control character (a tab or a line break)", line, column,
					"Write it escaped, as \\t or \\n.");
		}
		if (message.contains("was expecting double-quote to start property name")) {
			return new MalformedInput("a key is not in double quotes, or a comma follows the last member of an object",
					line, column, "Put every key in double quotes, and no comma before }.");
		}
		if (message.contains("expected a value")) {
			return new MalformedInput("a value is missing, as after a comma that follows the last element of an array",
					line, column, "Remove the comma before ], or write the value.");
		}
		if (message.contains("was expecting comma to separate")) {
			return new MalformedInput("a comma is missing between two members or elements", line, column,
					"Separate them with a comma.");
		}
		if (message.contains("comment")) {
			return new MalformedInput("it holds a comment, which JSON does not allow", line, column,
					"Remove the comment, or send the body as YAML (Content-Type: application/yaml).");
		}
		if (message.startsWith("Invalid numeric value") || message.startsWith("Non-standard token")) {
			return new MalformedInput("a number is written in a way JSON does not allow", line, column,
					"Write numbers in decimal without leading zeros, or quote the value.");
		}
		if (line == 1 && column == 1) {
			return new MalformedInput("it does not start with a JSON value", line, column,
					"A JSON body starts with {; if the body is YAML, send it with Content-Type: application/yaml.");
		}
		return new MalformedInput("JSON allows no such character or word there", line, column,
				"Quote strings in double quotes; the words JSON knows are true, false and null. If the body is "
						+ "YAML, send it with Content-Type: application/yaml.");
	}

	/**
	 * A YAML error SnakeYAML found: the kind is told from its problem, whose wording
	 * snakeyaml-engine fixes (ScannerImpl, ParserImpl).
	 */
	private static MalformedInput yaml(MarkedYamlEngineException error, int line, int column) {
		String problem = String.valueOf(error.getProblem());
		if (problem.contains("\\t(TAB)")) {
			return new MalformedInput("a tab where YAML allows none, as in indentation", line, column,
					"Indent with spaces only.");
		}
		if (problem.startsWith("mapping values are not allowed here")) {
			return new MalformedInput(
					"a key where none may start: a line indented deeper than the keys before it, or "
							+ "a value holding \": \"",
					line, column,
					"Indent the keys of one mapping by the same spaces, and quote a value that holds \": \".");
		}
		if (problem.startsWith("expected <block end>")) {
			return new MalformedInput(
					"a line is indented less than the entries of its mapping or sequence, but more "
							+ "than the key that holds them",
					line, column, "Indent every entry of a mapping or sequence by the same spaces.");
		}
		if (problem.contains("end of stream") || problem.contains("<stream end>")) {
			return new MalformedInput("it ends inside a quoted string, a [ ] sequence or a { } mapping", line, column,
					"Close what is open.");
		}
		if (problem.startsWith("found unknown escape character")) {
			return new MalformedInput("a double-quoted string holds an escape YAML does not know", line, column,
					"Write a backslash as \\\\, or use single quotes.");
		}
		if (problem.startsWith("expected the node content")) {
			return new MalformedInput("a value is missing, as between two commas", line, column,
					"Write the value, or remove the comma.");
		}
		return unreadableYaml(line, column);
	}

	/** YAML whose error no more particular words fit. */
	private static MalformedInput unreadableYaml(int line, int column) {
		return new MalformedInput("it cannot be read as YAML", line, column, "Check the YAML's syntax there.");
	}

	private static String message(JacksonException error) {
		String message = error.getOriginalMessage();
		return (message != null) ? message : "";
	}

	private static <T extends Throwable> Optional<T> cause(Throwable error, Class<T> type) {
		for (Throwable t = error; t != null; t = t.getCause()) {
			if (type.isInstance(t)) {
				return Optional.of(type.cast(t));
			}
			if (t.getCause() == t) {
				break;
			}
		}
		return Optional.empty();
	}

}
