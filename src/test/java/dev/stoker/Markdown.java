package dev.stoker;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * One page of the documentation, read as GitHub renders it: fenced code blocks, headings
 * and their anchors, tables and links. Just enough Markdown for the documentation tests;
 * the pages keep to it (fences at the start of a line, tables without escaped pipes).
 */
record Markdown(Path path, String text) {

	static final Path README = Path.of("README.md");

	static final Path DOCS = Path.of("docs");

	private static final Pattern FENCE = Pattern.compile("^```(\\w*)\\n(.*?)^```[ \\t]*$",
			Pattern.DOTALL | Pattern.MULTILINE);

	private static final Pattern HEADING = Pattern.compile("^(#{1,6}) +(.+?)[ #]*$", Pattern.MULTILINE);

	/** A code span: a run of backticks, up to the next run of exactly as many. */
	private static final Pattern CODE_SPAN = Pattern.compile("(?<!`)(`+)(?!`)(.+?)(?<!`)\\1(?!`)", Pattern.DOTALL);

	private static final Pattern LINK = Pattern.compile("\\[[^\\]]*\\]\\(([^)\\s]+)\\)");

	static Markdown read(Path path) {
		try {
			return new Markdown(path, Files.readString(path));
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	/** The README, then every page under docs/ by name. */
	static List<Markdown> pages() {
		List<Markdown> pages = new ArrayList<>();
		pages.add(read(README));
		docs().forEach(path -> pages.add(read(path)));
		return pages;
	}

	static List<Path> docs() {
		try (Stream<Path> files = Files.list(DOCS)) {
			return files.filter(path -> path.toString().endsWith(".md")).sorted().toList();
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	/** A fenced code block: its info string, its text, and where it lies in the page. */
	record CodeBlock(String language, String body, int start, int end) {

	}

	List<CodeBlock> codeBlocks() {
		List<CodeBlock> blocks = new ArrayList<>();
		Matcher m = FENCE.matcher(text);
		while (m.find()) {
			blocks.add(new CodeBlock(m.group(1), m.group(2), m.start(), m.end()));
		}
		return blocks;
	}

	List<String> codeBlocks(String language) {
		return codeBlocks().stream().filter(b -> b.language().equals(language)).map(CodeBlock::body).toList();
	}

	/**
	 * Whether only blank space lies between two blocks: the second shows the first's
	 * output.
	 */
	boolean adjacent(CodeBlock first, CodeBlock second) {
		return text.substring(first.end(), second.start()).isBlank();
	}

	/**
	 * The page as prose: code blocks and code spans blanked out, so no link is seen in
	 * them.
	 */
	private String prose() {
		StringBuilder prose = new StringBuilder(text);
		for (CodeBlock block : codeBlocks()) {
			blank(prose, block.start(), block.end());
		}
		Matcher span = CODE_SPAN.matcher(prose.toString());
		while (span.find()) {
			blank(prose, span.start(), span.end());
		}
		return prose.toString();
	}

	private static void blank(StringBuilder text, int start, int end) {
		for (int i = start; i < end; i++) {
			if (text.charAt(i) != '\n') {
				text.setCharAt(i, ' ');
			}
		}
	}

	/** The targets of the page's inline links, in order. */
	List<String> links() {
		List<String> links = new ArrayList<>();
		Matcher m = LINK.matcher(prose());
		while (m.find()) {
			links.add(m.group(1));
		}
		return links;
	}

	private String withoutCodeBlocks() {
		StringBuilder page = new StringBuilder(text);
		for (CodeBlock block : codeBlocks()) {
			blank(page, block.start(), block.end());
		}
		return page.toString();
	}

	/**
	 * The anchors GitHub gives the page's headings: lower case, punctuation dropped,
	 * spaces made hyphens, and a repeated one numbered.
	 */
	Set<String> anchors() {
		Set<String> anchors = new LinkedHashSet<>();
		Map<String, Integer> seen = new HashMap<>();
		Matcher m = HEADING.matcher(withoutCodeBlocks());
		while (m.find()) {
			String slug = slug(m.group(2));
			int count = seen.merge(slug, 1, Integer::sum);
			anchors.add((count == 1) ? slug : slug + "-" + (count - 1));
		}
		return anchors;
	}

	static String slug(String heading) {
		String text = heading.replaceAll("\\[([^\\]]*)\\]\\([^)]*\\)", "$1").replace("`", "");
		return text.strip().toLowerCase(Locale.ROOT).replaceAll("[^\\p{L}\\p{M}\\p{N} _-]", "").replace(' ', '-');
	}

	/**
	 * The text under a heading (of any level, written without its #s), up to the next
	 * heading of the same or a higher level.
	 */
	String section(String heading) {
		Matcher m = HEADING.matcher(withoutCodeBlocks());
		int start = -1;
		int level = 0;
		while (m.find()) {
			if (start < 0 && m.group(2).equals(heading)) {
				start = m.start();
				level = m.group(1).length();
			}
			else if (start >= 0 && m.group(1).length() <= level) {
				return text.substring(start, m.start());
			}
		}
		assertThat(start).as("%s has a heading %s", path, heading).isNotNegative();
		return text.substring(start);
	}

	/**
	 * The body rows of the table in this text whose header row starts with the given
	 * cell, each row as its trimmed cells.
	 */
	static List<List<String>> table(String text, String firstHeader) {
		List<String> lines = text.lines().toList();
		for (int i = 0; i + 1 < lines.size(); i++) {
			List<String> header = cells(lines.get(i));
			if (!header.isEmpty() && header.get(0).equals(firstHeader) && lines.get(i + 1).startsWith("| ---")) {
				List<List<String>> rows = new ArrayList<>();
				for (int j = i + 2; j < lines.size() && lines.get(j).startsWith("|"); j++) {
					List<String> row = cells(lines.get(j));
					assertThat(row).as("row %s", lines.get(j)).hasSameSizeAs(header);
					rows.add(row);
				}
				return rows;
			}
		}
		throw new AssertionError("no table whose first column is " + firstHeader);
	}

	private static List<String> cells(String line) {
		if (!line.startsWith("|") || !line.endsWith("|")) {
			return List.of();
		}
		return Arrays.stream(line.substring(1, line.length() - 1).split("\\|", -1)).map(String::strip).toList();
	}

	@Override
	public String toString() {
		return path.toString();
	}

}
