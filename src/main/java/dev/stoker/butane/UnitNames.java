package dev.stoker.butane;

import java.nio.charset.StandardCharsets;

/**
 * Unit names as butane derives them for a filesystem {@code with_mount_unit}: a
 * {@code .mount} unit named after the mount point, or for swap a {@code .swap} unit named
 * after the device (base/v0_4 and v0_5 {@code translate.go}, {@code mountUnitFromFS}).
 */
public final class UnitNames {

	private UnitNames() {
	}

	/** The name of the filesystem's unit, or {@code null} when it has none. */
	static String mountUnit(ButaneConfig.Filesystem fs) {
		if (!Boolean.TRUE.equals(fs.withMountUnit())) {
			return null;
		}
		if ("swap".equals(fs.format())) {
			return (fs.device() != null) ? pathEscape(fs.device()) + ".swap" : null;
		}
		return Findings.isEmpty(fs.path()) ? null : pathEscape(fs.path()) + ".mount";
	}

	/**
	 * A path as {@code systemd-escape --path} escapes it, the way butane's library
	 * (go-systemd's {@code unit.UnitNamePathEscape}) does: slashes collapse and the outer
	 * ones go, the rest become {@code -}; a leading dot and every byte of the UTF-8 form
	 * outside {@code [:_.0-9A-Za-z]} become {@code \x} and the byte in lower-case hex,
	 * without a leading zero; an empty result is {@code -}.
	 */
	public static String pathEscape(String path) {
		byte[] bytes = path.getBytes(StandardCharsets.UTF_8);
		StringBuilder escaped = new StringBuilder();
		boolean inSlashes = false;
		boolean start = true;
		for (byte b : bytes) {
			int c = b & 0xff;
			if (c == '/') {
				inSlashes = true;
				continue;
			}
			if (inSlashes) {
				inSlashes = false;
				if (!start) {
					escaped.append('-');
				}
			}
			if ((start && c == '.') || !allowed(c)) {
				escaped.append("\\x").append(Integer.toHexString(c));
			}
			else {
				escaped.append((char) c);
			}
			start = false;
		}
		return (escaped.length() == 0) ? "-" : escaped.toString();
	}

	private static boolean allowed(int c) {
		return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == ':' || c == '_'
				|| c == '.';
	}

}
