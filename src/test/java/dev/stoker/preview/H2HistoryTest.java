package dev.stoker.preview;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;

import dev.stoker.SharedApplication;

/** The revision history and previews on the embedded H2 database. */
@SharedApplication
class H2HistoryTest implements HistoryContract {

	@Autowired
	ApplicationContext context;

	@Override
	public ApplicationContext context() {
		return context;
	}

}
