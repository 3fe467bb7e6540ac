package dev.stoker.serving;

import dev.stoker.problem.ProblemException;
import dev.stoker.problem.ProblemType;

/** No such node group or static node, or no document can exist for it (404). */
class DocumentNotFoundException extends ProblemException {

	DocumentNotFoundException(String detail) {
		super(ProblemType.DOCUMENT_NOT_FOUND, detail);
	}

}
