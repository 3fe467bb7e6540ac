package dev.stoker.butane;

/**
 * Butane's {@code CheckForDecimalMode} ({@code base/util/file.go}): a mode is flagged
 * when it is not a usual mode itself while its decimal digits, read as octal, are one
 * (600 rather than 0600). 0 and a mode that is usual as written are never flagged.
 */
final class Modes {

	private Modes() {
	}

	static boolean looksDecimal(int mode, boolean directory) {
		int corrected = decimalDigitsAsOctal(mode);
		return corrected >= 0 && !isTypical(mode, directory) && isTypical(corrected, directory);
	}

	/** The decimal digits of 0..7777 read as octal, or -1 when a digit is 8 or 9. */
	private static int decimalDigitsAsOctal(int mode) {
		if (mode < 0 || mode > 7777) {
			return -1;
		}
		int octal = 0;
		for (int divisor = 1000; divisor > 0; divisor /= 10) {
			int digit = (mode / divisor) % 10;
			if (digit > 7) {
				return -1;
			}
			octal = (octal << 3) | digit;
		}
		return octal;
	}

	static boolean isTypical(int mode, boolean directory) {
		if (mode == 0) {
			return true;
		}
		boolean hadR = false;
		boolean hadW = false;
		boolean hadX = false;
		// other, then group, then user: a more specific class has every bit of a less
		// specific one
		for (int shift = 0; shift <= 6; shift += 3) {
			int perm = (mode >> shift) & 7;
			boolean r = (perm & 4) != 0;
			boolean w = (perm & 2) != 0;
			boolean x = (perm & 1) != 0;
			if ((!r && hadR) || (!w && hadW) || (!x && hadX)) {
				return false;
			}
			if (x && hadR && !hadX) {
				return false;
			}
			if ((w || x) && !r) {
				return false;
			}
			hadR |= r;
			hadW |= w;
			hadX |= x;
		}
		if (!hadR) {
			return false;
		}
		if (directory) {
			return hadX && (mode & 04000) == 0 && ((mode & 03000) == 0 || hadW);
		}
		if ((mode & 06000) != 0 && (!hadX || (mode & 2) != 0)) {
			return false;
		}
		return (mode & 01000) == 0;
	}

}
