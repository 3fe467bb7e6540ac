package dev.stoker.butane;

import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;

/** Text as files and units hold it, for properties. */
public final class FileText {

	private FileText() {
	}

	/**
	 * Weighted towards what needs escaping or quoting: line breaks (YAML's odd ones too),
	 * %, #, commas, quotes, spaces at line ends, and characters beyond ASCII including
	 * ones outside the BMP.
	 */
	public static Arbitrary<String> any() {
		Arbitrary<String> special = Arbitraries.of("\n", "\r\n", "\r", "\t", " ", " \n", "%", "#", ",", "%25", "$",
				"${A}", "\\", "\"", "'", ": ", "- ", "|", "é", "Ω", "漢", "😀", "\u2028", "\u0085", "\u0000", "\ufeff");
		Arbitrary<String> ascii = Arbitraries.strings().ascii().ofMaxLength(8);
		Arbitrary<String> anyCodePoint = Arbitraries.integers()
			.between(1, Character.MAX_CODE_POINT)
			// a lone surrogate is not text: it has no UTF-8 form
			.filter((cp) -> cp > 0xffff || !Character.isSurrogate((char) cp.intValue()))
			.map(Character::toString);
		return Arbitraries.oneOf(special, ascii, anyCodePoint)
			.list()
			.ofMaxSize(60)
			.map((parts) -> String.join("", parts));
	}

}
