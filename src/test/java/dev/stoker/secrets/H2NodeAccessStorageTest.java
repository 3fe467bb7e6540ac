package dev.stoker.secrets;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;

import dev.stoker.SharedApplication;

/** What node access keeps, on the embedded H2 database. */
@SharedApplication
class H2NodeAccessStorageTest implements NodeAccessStorageContract {

	@Autowired
	ApplicationContext context;

	@Override
	public ApplicationContext context() {
		return context;
	}

}
