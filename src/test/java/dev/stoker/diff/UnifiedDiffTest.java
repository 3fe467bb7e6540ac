package dev.stoker.diff;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The unified diff's exact form, and that it is a true diff: applied to the old text, it
 * gives the new one.
 */
class UnifiedDiffTest {

	@Test
	void aChangedLineIsShownWithThreeLinesOfContextUnderHeadersNamingBothSides() {
		String before = "a\nb\nc\nd\ne\nf\ng\n";
		String after = "a\nb\nc\nD\ne\nf\ng\nh\n";

		assertThat(UnifiedDiff.of("revision-1/definition.yaml", before, "revision-2/definition.yaml", after))
			.isEqualTo("""
					--- a/revision-1/definition.yaml
					+++ b/revision-2/definition.yaml
					@@ -1,7 +1,8 @@
					 a
					 b
					 c
					-d
					+D
					 e
					 f
					 g
					+h
					""");
	}

	@Test
	void theSameTextHasAnEmptyDiff() {
		assertThat(UnifiedDiff.of("x", "same\n", "y", "same\n")).isEmpty();
		assertThat(UnifiedDiff.of("x", "same", "y", "same\n")).as("compared line by line").isEmpty();
	}

	@Test
	void aSideThatDoesNotExistIsDevNull() {
		assertThat(UnifiedDiff.of("revision-1/node-groups/gpu/butane", null, "revision-2/node-groups/gpu/butane",
				"one\ntwo\n"))
			.isEqualTo("""
					--- /dev/null
					+++ b/revision-2/node-groups/gpu/butane
					@@ -0,0 +1,2 @@
					+one
					+two
					""");
		assertThat(UnifiedDiff.of("revision-1/nodes/n1/ignition", "gone\n", "revision-2/nodes/n1/ignition", null))
			.isEqualTo("""
					--- a/revision-1/nodes/n1/ignition
					+++ /dev/null
					@@ -1,1 +0,0 @@
					-gone
					""");
	}

	@Property(tries = 500)
	void applyingTheDiffToTheOldTextGivesTheNewOne(@ForAll("texts") String before, @ForAll("texts") String after) {
		String diff = UnifiedDiff.of("old", before, "new", after);

		List<String> beforeLines = UnifiedDiff.lines(before);
		List<String> afterLines = UnifiedDiff.lines(after);
		if (beforeLines.equals(afterLines)) {
			assertThat(diff).isEmpty();
			return;
		}
		assertThat(diff).startsWith("--- a/old\n+++ b/new\n@@ -");
		assertThat(apply(beforeLines, diff)).isEqualTo(afterLines);
	}

	private static final Pattern HUNK = Pattern.compile("@@ -(\\d+)(?:,(\\d+))? \\+\\d+(?:,\\d+)? @@");

	/**
	 * Applies a unified diff as patch(1) would, checking every context and removed line
	 * against the old text: written here rather than taken from the diff library, so that
	 * the library's reading cannot agree with its own writing where both are wrong.
	 */
	private static List<String> apply(List<String> before, String diff) {
		List<String> lines = List.of(diff.split("\n"));
		List<String> result = new ArrayList<>();
		int next = 0;
		for (int i = 2; i < lines.size(); i++) {
			Matcher hunk = HUNK.matcher(lines.get(i));
			assertThat(hunk.matches()).as("hunk header: " + lines.get(i)).isTrue();
			int start = Integer.parseInt(hunk.group(1));
			int length = (hunk.group(2) != null) ? Integer.parseInt(hunk.group(2)) : 1;
			int at = (length == 0) ? start : start - 1;
			while (next < at) {
				result.add(before.get(next++));
			}
			while (i + 1 < lines.size() && !lines.get(i + 1).startsWith("@@ ")) {
				String line = lines.get(++i);
				String text = line.substring(1);
				switch (line.charAt(0)) {
					case ' ' -> {
						assertThat(before.get(next++)).isEqualTo(text);
						result.add(text);
					}
					case '-' -> assertThat(before.get(next++)).isEqualTo(text);
					case '+' -> result.add(text);
					default -> throw new AssertionError("not a hunk line: " + line);
				}
			}
		}
		while (next < before.size()) {
			result.add(before.get(next++));
		}
		return result;
	}

	/**
	 * Texts of few distinct lines, so that two texts share lines and the diff has
	 * context, moves and runs to find.
	 */
	@Provide
	Arbitrary<String> texts() {
		return Arbitraries.of("a", "b", "c", "key: value", "  - item", "", " ", "+", "-", "@@", "\\")
			.list()
			.ofMaxSize(30)
			.map((lines) -> String.join("\n", lines) + (lines.isEmpty() ? "" : "\n"));
	}

}
