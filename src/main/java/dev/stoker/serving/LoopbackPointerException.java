package dev.stoker.serving;

import dev.stoker.StokerProperties;
import dev.stoker.problem.ProblemException;
import dev.stoker.problem.ProblemType;

/**
 * A pointer whose source would name the machine that boots with it (422): it could never
 * fetch its Ignition. The detail says where the URL came from without repeating it, since
 * without a public URL it is the request's own Host.
 */
class LoopbackPointerException extends ProblemException {

	static final String FIX = "Set " + StokerProperties.PUBLIC_URL_TO_SET + ". Only for tests on this one machine, "
			+ "stoker.user-data.allow-loopback=true (STOKER_USERDATA_ALLOWLOOPBACK) serves such pointers anyway.";

	LoopbackPointerException(boolean fromPublicUrl) {
		super(ProblemType.LOOPBACK_POINTER,
				(fromPublicUrl ? "stoker.public-url names a loopback or unspecified address, "
						: "stoker.public-url is not set, and the URL this request came to names a loopback or "
								+ "unspecified address, ")
						+ "so a machine booted with the pointer would ask itself for its Ignition. " + FIX);
	}

}
