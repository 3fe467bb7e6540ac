package dev.stoker.serving;

import dev.stoker.problem.ProblemException;
import dev.stoker.problem.ProblemType;

/**
 * A user-data pointer over EC2's 16 KB: EC2 would refuse it, or worse, a launch template
 * would be saved that no instance can start from (422).
 */
class UserDataTooLargeException extends ProblemException {

	UserDataTooLargeException(int size) {
		super(ProblemType.USER_DATA_TOO_LARGE,
				"The pointer would be " + size + " bytes, over EC2's user-data limit of " + UserDataPointer.EC2_LIMIT
						+ " bytes. The CA bundle (stoker.tls.ca-bundle) is most of it: configure "
						+ "only the CA that signs Stoker's certificate.");
		setProperty("size", size);
		setProperty("limit", UserDataPointer.EC2_LIMIT);
	}

}
