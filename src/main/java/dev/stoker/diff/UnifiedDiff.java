package dev.stoker.diff;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

import com.github.difflib.DiffUtils;
import com.github.difflib.UnifiedDiffUtils;
import com.github.difflib.patch.Patch;

/**
 * The unified diff of two texts, with three lines of context, as {@code diff -u} writes
 * it: {@code --- a/NAME} and {@code +++ b/NAME} headers, then hunks. A side that does not
 * exist is {@code /dev/null}, as git writes it for an added or a deleted file.
 */
public final class UnifiedDiff {

	/** The side of a diff that does not exist. */
	public static final String NONE = "/dev/null";

	private static final int CONTEXT = 3;

	private UnifiedDiff() {
	}

	/**
	 * The diff from {@code before} (named {@code beforeName}) to {@code after}; empty
	 * when they are the same text. A null text is a side that does not exist.
	 */
	public static String of(String beforeName, String before, String afterName, String after) {
		if (before != null && before.equals(after)) {
			return "";
		}
		List<String> beforeLines = lines(before);
		List<String> afterLines = lines(after);
		Patch<String> patch = DiffUtils.diff(beforeLines, afterLines);
		if (patch.getDeltas().isEmpty() && (before == null) == (after == null)) {
			return "";
		}
		List<String> diff = UnifiedDiffUtils.generateUnifiedDiff((before != null) ? "a/" + beforeName : NONE,
				(after != null) ? "b/" + afterName : NONE, beforeLines, patch, CONTEXT);
		StringBuilder text = new StringBuilder();
		for (String line : diff) {
			text.append(line).append('\n');
		}
		return text.toString();
	}

	/**
	 * The text's lines without their line ends. Texts are compared line by line: one that
	 * does not end in a line end reads as if it did.
	 */
	static List<String> lines(String text) {
		if (text == null || text.isEmpty()) {
			return List.of();
		}
		List<String> lines = new ArrayList<>(Arrays.asList(text.split("\n", -1)));
		if (lines.get(lines.size() - 1).isEmpty()) {
			lines.remove(lines.size() - 1);
		}
		return lines;
	}

}
